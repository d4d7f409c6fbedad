"""``text_origin`` on human vs LLM-rewritten job posts (see ``jobs_data`` for the cleaning).

Two measurements, both split so that a post, its rewrite and every near-copy of either stay on
one side (5-fold ``GroupKFold`` over near-duplicate groups):

- ``groupkfold5``: train on every field, score the held-out groups' fields at full length.
- ``shift@N``: an honest shift test. Train on ``description`` and ``company_profile`` only (the
  stacker is calibrated leaving one training field out); test on the held-out groups'
  ``requirements`` and ``benefits`` fields cut to their first N characters (150, 300) or whole
  (``shift@full``). Accuracy uses the model's own threshold, 0.5 on its probability, never a
  threshold chosen on the test fold.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from unmask.detectors.text_origin_model import TextOriginModel, truncate_words
from unmask.evaluation.jobs_data import HUMAN, LLM, JobSample, load_pairs
from unmask.evaluation.rows import EvalRow, binary_metrics

SUITE = "jobs"
REQUIRES = (HUMAN, LLM)
DETECTOR = "text_origin"
TRAIN_FIELDS = ("description", "company_profile")
SHIFT_LENGTHS: tuple[int | None, ...] = (150, 300, None)


def _rows(split: str, y: list[int], p: list[float]) -> list[EvalRow]:
    rows = binary_metrics(DETECTOR, SUITE, split, y, p)
    acc = float(np.mean((np.asarray(p) >= 0.5) == np.asarray(y)))
    return [*rows, EvalRow(DETECTOR, SUITE, split, "accuracy", acc, len(y))]


def _subsample(samples: list[JobSample], fraction: float) -> list[JobSample]:
    if fraction >= 1.0:
        return samples
    groups = sorted({s.group for s in samples})
    keep = set(np.random.default_rng(0).permutation(groups)[: max(10, int(len(groups) * fraction))])
    return [s for s in samples if s.group in keep]


def run(data: Path, fraction: float = 1.0, use_embeddings: bool = True) -> list[EvalRow]:
    """All rows; ``fraction`` < 1 keeps that share of the near-duplicate groups (tests use it)."""
    from sklearn.model_selection import GroupKFold

    samples = _subsample(load_pairs(data), fraction)
    texts = [s.text for s in samples]
    y = np.array([s.label for s in samples])
    groups = np.array([s.group for s in samples])
    fields = np.array([s.field for s in samples])
    tag = "" if use_embeddings else "-noemb"
    main_p = np.zeros(len(samples))
    shift: dict[int | None, tuple[list[int], list[float]]] = {n: ([], []) for n in SHIFT_LENGTHS}
    for tr, te in GroupKFold(n_splits=5).split(texts, y, groups):
        model = TextOriginModel(use_embeddings=use_embeddings)
        model.fit([texts[i] for i in tr], y[tr].tolist(), groups[tr].tolist())
        main_p[te] = model.predict_proba([texts[i] for i in te])
        tr_s = [i for i in tr if fields[i] in TRAIN_FIELDS]
        te_s = [i for i in te if fields[i] not in TRAIN_FIELDS]
        shifted = TextOriginModel(use_embeddings=use_embeddings)
        shifted.fit([texts[i] for i in tr_s], y[tr_s].tolist(), fields[tr_s].tolist())
        for n in SHIFT_LENGTHS:
            cut = [texts[i] if n is None else truncate_words(texts[i], n) for i in te_s]
            shift[n][0].extend(y[te_s].tolist())
            shift[n][1].extend(shifted.predict_proba(cut).tolist())
    rows = _rows(f"groupkfold5{tag}", y.tolist(), main_p.tolist())
    for n, (ys, ps) in shift.items():
        rows += _rows(f"shift@{n or 'full'}{tag}", ys, ps)
    return rows


if __name__ == "__main__":  # pragma: no cover - manual run
    import sys

    from unmask.evaluation.rows import data_dir

    for row in run(data_dir(), use_embeddings="--no-embeddings" not in sys.argv):
        print(f"{row.split:18s} {row.metric:16s} {row.value:.4f}  n={row.n}")
