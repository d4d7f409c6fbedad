"""``text_origin`` across sources: trained on one corpus or field, tested on another.

Corpora (``unmask.evaluation.text``): ``jobs`` (EMSCAD scam posts vs their Gemini 2.5 Flash
rewrites, one sample per field, grouped by post and near-copies) and ``tweepfake`` (tweets by
humans vs GPT-2/RNN/Markov bots, grouped by persona). Every split keeps a group on one side.
Each split is tested on the first 150 and 300 characters and on whole texts (``@150``, ``@300``,
``@full``). The model decides at its own threshold (probability 0.5, see ``TextOriginModel``:
crops, stacker and threshold are chosen on the training texts only); the reference
(``tfidf_lr_reference``, word TF-IDF + logistic regression at 0.5) is trained and tested on the
same texts in the same run. Splits:

- ``source-out: train jobs, test tweepfake`` and the reverse: one corpus to the other;
- ``source-out: train jobs description+company_profile, test jobs requirements+benefits`` and
  the reverse: another field (topic, batch, length) of held-out posts (5-fold ``GroupKFold``);
- ``pooled: train jobs+tweepfake, test ...``: one model trained on both corpora (held-out
  groups of each, 3 folds), reported per corpus;
- ``in-source``: 3-fold ``GroupKFold`` within one corpus, after the above.

``run`` measures without the embedding component by default (``use_embeddings=False``): the
shared 2-core machine cannot embed every fold's crops in a suite run; ``python -m
unmask.evaluation.suite_text_origin --embeddings`` measures the full model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from unmask.detectors.text_origin_model import TextOriginModel, truncate_words
from unmask.evaluation.rows import EvalRow, binary_metrics
from unmask.evaluation.text import TextSample
from unmask.evaluation.text import jobs as jobs_data
from unmask.evaluation.text import tweepfake as tweepfake_data
from unmask.evaluation.text.reference import DETECTOR as REFERENCE
from unmask.evaluation.text.reference import TfidfReference

SUITE = "text_origin"
REQUIRES = (jobs_data.HUMAN, jobs_data.LLM, *tweepfake_data.FILES)
DETECTOR = "text_origin"
LENGTHS: tuple[int | None, ...] = (150, 300, None)
FIELDS_A = ("description", "company_profile")
FIELDS_B = ("requirements", "benefits")
Fold = tuple[list[TextSample], list[TextSample]]
Fields = tuple[str, ...]


def _group_folds(samples: list[TextSample], k: int) -> Iterator[tuple[list[int], list[int]]]:
    from sklearn.model_selection import GroupKFold

    groups = [s.group for s in samples]
    for tr, te in GroupKFold(n_splits=min(k, len(set(groups)))).split(samples, groups=groups):
        yield tr.tolist(), te.tolist()


def field_shift(jobs: list[TextSample], train: Fields, test: Fields) -> list[Fold]:
    return [
        ([jobs[i] for i in tr if jobs[i].field in train],
         [jobs[i] for i in te if jobs[i].field in test])
        for tr, te in _group_folds(jobs, 5)
    ]  # fmt: skip


def _in_source(samples: list[TextSample], k: int) -> list[Fold]:
    return [([samples[i] for i in tr], [samples[i] for i in te])
            for tr, te in _group_folds(samples, k)]  # fmt: skip


def _pooled(jobs: list[TextSample], tweets: list[TextSample]) -> list[Fold]:
    folds = zip(_in_source(jobs, 3), _in_source(tweets, 3), strict=True)
    return [(j_tr + t_tr, j_te + t_te) for (j_tr, j_te), (t_tr, t_te) in folds]


def _domains(train: list[TextSample]) -> list[str] | None:
    """Inner domains: the job-post fields of a jobs-only training set. With two corpora the
    inner split stays by group: leaving a whole corpus out would calibrate the stacker on scores
    that are at chance (the corpora do not transfer, see the source-out rows)."""
    if len({s.source for s in train}) > 1:
        return None
    if len({s.field for s in train}) > 1 and train[0].source == jobs_data.SOURCE:
        return [s.field for s in train]
    return None


def splits(jobs: list[TextSample], tweets: list[TextSample]) -> dict[str, Callable[[], list[Fold]]]:
    a, b = "+".join(FIELDS_A), "+".join(FIELDS_B)
    return {
        "source-out: train jobs, test tweepfake": lambda: [(jobs, tweets)],
        "source-out: train tweepfake, test jobs": lambda: [(tweets, jobs)],
        f"source-out: train jobs {a}, test jobs {b}":
            lambda: field_shift(jobs, FIELDS_A, FIELDS_B),
        f"source-out: train jobs {b}, test jobs {a}":
            lambda: field_shift(jobs, FIELDS_B, FIELDS_A),
        "pooled: train jobs+tweepfake, test {test}": lambda: _pooled(jobs, tweets),
        "in-source: jobs groupkfold3": lambda: _in_source(jobs, 3),
        "in-source: tweepfake personakfold3": lambda: _in_source(tweets, 3),
    }  # fmt: skip


def _rows(detector: str, split: str, y: list[int], p: list[float]) -> list[EvalRow]:
    acc = float(np.mean((np.asarray(p) >= 0.5) == np.asarray(y)))
    return [*binary_metrics(detector, SUITE, split, y, p),
            EvalRow(detector, SUITE, split, "accuracy", acc, len(y))]  # fmt: skip


def evaluate_split(split: str, folds: list[Fold], use_embeddings: bool = True) -> list[EvalRow]:
    """Rows of one split; a split named with ``{test}`` gets rows per test corpus."""
    ys: list[int] = []
    sources: list[str] = []
    preds: dict[tuple[str, int | None], list[float]] = {}
    for train, test in folds:
        texts, y = [s.text for s in train], [s.label for s in train]
        model = TextOriginModel(use_embeddings=use_embeddings)
        model.fit(texts, y, [s.group for s in train], _domains(train))
        reference = TfidfReference().fit(texts, y)
        ys += [s.label for s in test]
        sources += [s.source for s in test]
        for n in LENGTHS:
            cut = [s.text if n is None else truncate_words(s.text, n) for s in test]
            preds.setdefault((DETECTOR, n), []).extend(model.predict_proba(cut).tolist())
            preds.setdefault((REFERENCE, n), []).extend(reference.predict_proba(cut).tolist())
    rows: list[EvalRow] = []
    src = np.asarray(sources)
    corpora: list[str | None] = [*sorted(set(sources))] if "{test}" in split else [None]
    for corpus in corpora:
        keep = np.ones(len(ys), dtype=bool) if corpus is None else src == corpus
        y_kept = np.asarray(ys)[keep].tolist()
        for (detector, n), p in preds.items():
            name = f"{split.replace('{test}', corpus or '')} @{n or 'full'}"
            rows += _rows(detector, name, y_kept, np.asarray(p)[keep].tolist())
    return rows


def run(data: Path, use_embeddings: bool = False, only: set[str] | None = None,
        fraction: float = 1.0) -> list[EvalRow]:  # fmt: skip
    """All rows. ``only``: just these splits; ``fraction`` < 1: that share of each corpus's
    groups (a fixed seed)."""
    jobs = subsample(jobs_data.load_jobs(data), fraction)
    tweets = subsample(tweepfake_data.load_tweepfake(data), fraction)
    rows: list[EvalRow] = []
    for split, folds in splits(jobs, tweets).items():
        if only is None or split in only:
            rows += evaluate_split(split + ("" if use_embeddings else " (no embeddings)"),
                                   folds(), use_embeddings)  # fmt: skip
    return rows


def subsample(samples: list[TextSample], fraction: float) -> list[TextSample]:
    if fraction >= 1.0:
        return samples
    groups = sorted({s.group for s in samples})
    n = max(4, int(len(groups) * fraction))
    keep = set(np.random.default_rng(0).permutation(groups)[:n].tolist())
    return [s for s in samples if s.group in keep]


if __name__ == "__main__":  # pragma: no cover - manual run
    import sys

    from unmask.evaluation.rows import data_dir

    for row in run(data_dir(), use_embeddings="--embeddings" in sys.argv):
        print(f"{row.detector:18s} {row.split:70s} {row.metric:16s} {row.value:.4f}  n={row.n}")
