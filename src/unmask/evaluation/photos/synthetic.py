"""Suite ``synthetic_face``: generated faces vs FFHQ photographs, on photos the model never saw.

The data has one generator (StyleGAN2, 100 faces, directly in ``faces/fake``); generated faces in
sub-folders of ``faces/fake`` are read as one generator each, and then each generator is held
out in turn (``source-out: train A+B, test C, <condition>`` splits). With one generator the
photographs and faces are split into stratified folds (``5-fold stratified, unseen photos of the
one generator stylegan2, <condition>``).

The classifier is the detector's own (``face_training.train``), refitted on each training fold
from each training photo as given and as its ``AUGMENT`` copies (as ``SyntheticFace.fit`` does),
with the parts and each part's ``C`` chosen by cross-validation inside that fold only, and scored
on the held-out fold only, under each test condition (``CONDITIONS``: as given, 256 px + JPEG
q70, 160 px + JPEG q70, as re-uploads and avatars are). Per-fold rows (``..., fold k``) give the
spread (with 60 genuine photos per fold, a fold's TPR at 1% FPR is its TPR at zero false
positives).

Ablations show where the signal is: fixed part sets, the descriptor alone, and two that include
the background (a known confound: generated backgrounds are smoother), reported to show how much
the background alone gives: ``[whole-image residuals]`` and ``[corner residuals]``. Photos in
which no face is found are scored 0.5 (the detector would abstain); the count is in ``n``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from unmask.detectors.face_model import AUGMENT, NORM, PARTS
from unmask.evaluation.photos.common import (
    DEFAULT_GENERATOR,
    cached_many,
    downscale,
    face_files,
    file_digest,
    generator_of,
)
from unmask.evaluation.rows import EvalRow, binary_metrics, tpr_at_fpr

SUITE = "synthetic_face"
REQUIRES = ("faces/real", "faces/fake")
FOLDS = 5
#: Test conditions: the image as given, and shrunk + recompressed as a re-upload would be.
CONDITIONS: dict[str, tuple[int, int] | None] = {
    "originals": None,
    "256px JPEG q70": (256, 70),
    "160px JPEG q70": (160, 70),
}


def augment_name(transform: tuple[int, int]) -> str:
    return f"train copy {transform[0]}px JPEG q{transform[1]}"


#: None: parts chosen from ``CANDIDATES`` by the inner cross-validation (the detector's default).
VARIANTS: dict[str, tuple[tuple[str, ...], ...] | None] = {
    "synthetic_face": None,
    "synthetic_face[version 2 parts: native pixels + cues, fixed]": PARTS,
    "synthetic_face[resolution-normalised part only]": (NORM,),
    "synthetic_face[embedding only]": (("embedding",),),
    "synthetic_face[whole-image residuals, includes background]": (("whole",),),
    "synthetic_face[corner residuals, background only]": (("corner",),),
}


def _features(path: Path, transform: tuple[int, int] | None) -> dict[str, Any] | None:
    from unmask.detectors.face_features import face_features, residual_features
    from unmask.detectors.faces import open_rgb

    image = open_rgb(path.read_bytes())
    if transform is not None:
        image = downscale(image, *transform)
    feats = face_features(image)
    if feats is None:
        return None
    import numpy as np

    arr = np.asarray(image)
    k = max(image.size) * 3 // 16
    corners = np.concatenate([arr[:k, :k], arr[:k, -k:]], axis=1)
    return {
        **{g: list(v) for g, v in feats.table().items()},
        "whole": residual_features(arr),
        "corner": residual_features(corners),
    }


Table = dict[str, list[dict[str, Any] | None]]


def load(data: Path) -> tuple[list[int], list[str], Table]:
    """Labels, generators ("" for photographs) and features of every photo under every test
    condition and training copy (``AUGMENT``), from the feature cache."""
    from unmask.detectors.face_features import FEATURE_VERSION

    files = face_files(data)
    variants = {**CONDITIONS, **{augment_name(t): t for t in AUGMENT}}
    jobs = [
        (
            [FEATURE_VERSION, "suite-3", file_digest(path), repr(transform)],
            functools.partial(_features, path, transform),
        )
        for path, _label in files
        for transform in variants.values()
    ]
    values = cached_many("synthetic_face", jobs)
    table: Table = {name: values[k :: len(variants)] for k, name in enumerate(variants)}
    gens = [generator_of(path, data) if label else "" for path, label in files]
    return [label for _path, label in files], gens, table


def split_name(cond: str, test_gen: str = DEFAULT_GENERATOR, train_gens: Sequence[str] = ()) -> str:
    """``source-out: train A+B, test C, <condition>`` for a generator held out; with one
    generator, the stratified folds of unseen photos of it."""
    if train_gens:
        return f"source-out: train {'+'.join(train_gens)}, test {test_gen}, {cond}"
    return f"{FOLDS}-fold stratified, unseen photos of the one generator {test_gen}, {cond}"


def out_of_fold(
    labels: list[int],
    gens: list[str],
    table: Table,
    parts: tuple[tuple[str, ...], ...] | None,
    test_gen: str | None = None,
) -> tuple[dict[str, Any], list[int], list[Any]]:
    """Held-out scores per test condition, the fold of every photo, and each fold's model.

    The photographs are split into ``FOLDS`` stratified folds. With ``test_gen`` None the
    generated faces are folded with them; with a generator named, its faces are all test faces
    and the other generators' faces all train (a generator the model never saw). Each training
    photo is used as given and as its ``AUGMENT`` copies (not the test conditions); the inner
    cross-validation that picks parts and ``C`` keeps a photo's copies together."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from unmask.detectors.face_training import train

    y = np.asarray(labels)
    n = len(y)
    scores = {c: np.full(n, 0.5) for c in CONDITIONS}
    folds = np.zeros(n, dtype=int)
    models = []
    pool = [i for i in range(n) if test_gen is None or gens[i] in ("", test_gen)]
    copies = ("originals", *(augment_name(t) for t in AUGMENT))
    splitter = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    for k, (tr_p, te_p) in enumerate(splitter.split(np.zeros(len(pool)), y[pool])):
        tr = [pool[j] for j in tr_p]
        te = [pool[j] for j in te_p]
        if test_gen is not None:
            tr = [i for i in tr if gens[i] != test_gen]
            tr += [i for i in range(n) if gens[i] not in ("", test_gen)]
            te = [i for i in range(n) if i in set(te) and gens[i] == ""] + [
                i for i in range(n) if gens[i] == test_gen
            ]
        folds[te] = k
        fit = [(table[c][i], int(y[i]), int(i)) for c in copies for i in tr]
        fit = [f for f in fit if f[0] is not None]
        model = train([f[0] for f in fit], [f[1] for f in fit], parts, [f[2] for f in fit])
        models.append(model)
        for c in CONDITIONS:
            for i in te:
                row = table[c][i]
                if row is not None:
                    scores[c][i] = model.predict(row)
    return scores, list(folds), models


def _rows(
    detector: str, split: str, y: Any, scores: Any, folds: list[int], idx: list[int]
) -> list[EvalRow]:
    import numpy as np
    from sklearn.metrics import roc_auc_score

    rows = binary_metrics(detector, SUITE, split, y[idx].tolist(), scores[idx].tolist())
    for k in range(FOLDS):
        part = [i for i in idx if folds[i] == k]
        yk, sk = y[part], scores[part]
        if len(np.unique(yk)) < 2:
            continue
        name = f"{split}, fold {k + 1}"
        rows.append(EvalRow(detector, SUITE, name, "roc_auc", roc_auc_score(yk, sk), len(part)))
        rows.append(
            EvalRow(detector, SUITE, name, "tpr_at_1pct_fpr", tpr_at_fpr(yk, sk), len(part))
        )
    return rows


def run(data: Path, variants: dict[str, Any] | None = None) -> list[EvalRow]:
    import numpy as np

    labels, gens, table = load(data)
    y = np.asarray(labels)
    generators = sorted(set(gens) - {""})
    several = len(generators) > 1
    rows: list[EvalRow] = []
    for detector, parts in (variants or VARIANTS).items():
        for gen in generators if several else [None]:
            scores, folds, _models = out_of_fold(labels, gens, table, parts, gen)
            test_gen = gen or generators[0]
            train_gens = [g for g in generators if g != gen] if several else generators
            idx = [i for i in range(len(y)) if gens[i] in ("", test_gen)]
            for cond in CONDITIONS:
                split = split_name(cond, test_gen, train_gens if several else ())
                rows.extend(_rows(detector, split, y, scores[cond], folds, idx))
    return rows


def choices(data: Path) -> None:
    """Print what the inner cross-validation chose in each outer fold (for the docs)."""
    labels, gens, table = load(data)
    _scores, _folds, models = out_of_fold(labels, gens, table, None)
    for k, model in enumerate(models):
        print(
            f"fold {k + 1}: parts {[p.groups for p in model.parts]}, C {[p.c for p in model.parts]}"
        )
        for name, value in model.selection:
            print(f"    {value:.4f}  {name}")


if __name__ == "__main__":
    from unmask.evaluation.rows import data_dir

    choices(data_dir())
