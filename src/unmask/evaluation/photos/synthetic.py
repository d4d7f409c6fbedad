"""Suite ``synthetic_face``: StyleGAN2 faces (100) vs FFHQ photographs (300), stratified 5-fold CV.

The classifier is the detector's own (``face_model.train``: two standardised logistic regressions
whose probabilities are averaged, each part's ``C`` chosen by a 3-fold CV inside the training
fold), refitted on each training fold (each training photo also as its 256 px JPEG q70 copy, as
``SyntheticFace.fit`` does) and scored on the held-out fold only. Splits:

* ``5-fold stratified, originals``: test images as given (512 px, JPEG q90);
* ``5-fold stratified, test downscaled 256px JPEG q70``: the same models, the test fold shrunk to
  256 px and re-saved at quality 70 (as a re-uploaded photo would be);
* per-fold rows (``..., fold k``) of ROC AUC and TPR at 1% FPR for the spread (with 60 genuine
  photos per fold, the per-fold TPR at 1% FPR is the TPR at zero false positives).

Ablations show where the signal is: single feature families, the version-1 model, and two that
include the background (a known confound: generated backgrounds are smoother), reported to show
how much the background alone gives: ``[whole-image residuals]`` and ``[corner residuals]``.
Photos in which no face is found are scored 0.5 (the detector would abstain); the count is in ``n``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from unmask.detectors.face_model import PARTS
from unmask.evaluation.photos.common import cached_many, downscale, face_files, file_digest
from unmask.evaluation.rows import EvalRow, binary_metrics, tpr_at_fpr

SUITE = "synthetic_face"
REQUIRES = ("faces/real", "faces/fake")
FOLDS = 5
CONDITIONS = ("originals", "test downscaled 256px JPEG q70")
VARIANTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "synthetic_face": PARTS,
    "synthetic_face[embedding only]": (("embedding",),),
    "synthetic_face[face pixel and colour residuals only]": (("residual", "colour_residual"),),
    "synthetic_face[colour and eye cues only]": (("colour", "eye_cues"),),
    "synthetic_face[version 1: residual + embedding, one part]": (("residual", "embedding"),),
    "synthetic_face[whole-image residuals, includes background]": (("whole",),),
    "synthetic_face[corner residuals, background only]": (("corner",),),
}


def _features(path: Path, small: bool) -> dict[str, Any] | None:
    from unmask.detectors.face_features import face_features, residual_features
    from unmask.detectors.faces import open_rgb

    image = open_rgb(path.read_bytes())
    if small:
        image = downscale(image, 256, 70)
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


def load(data: Path) -> tuple[list[int], dict[str, list[dict[str, Any] | None]]]:
    from unmask.detectors.face_features import FEATURE_VERSION

    files = face_files(data)
    jobs = [
        (
            [FEATURE_VERSION, "suite-2", file_digest(path), cond],
            functools.partial(_features, path, cond != CONDITIONS[0]),
        )
        for path, _label in files
        for cond in CONDITIONS
    ]
    values = cached_many("synthetic_face", jobs)
    table: dict[str, list[dict[str, Any] | None]] = {
        cond: values[k :: len(CONDITIONS)] for k, cond in enumerate(CONDITIONS)
    }
    return [label for _path, label in files], table


def out_of_fold(
    labels: list[int],
    table: dict[str, list[dict[str, Any] | None]],
    parts: tuple[tuple[str, ...], ...],
) -> tuple[dict[str, Any], list[Any]]:
    """Held-out scores per condition, and the fold index of every photo."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from unmask.detectors.face_model import train

    y = np.asarray(labels)
    scores = {c: np.full(len(y), 0.5) for c in CONDITIONS}
    folds = np.zeros(len(y), dtype=int)
    splitter = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    for k, (tr, te) in enumerate(splitter.split(np.zeros(len(y)), y)):
        folds[te] = k
        # as the detector's fit: each training photo also as its 256 px JPEG q70 copy; the
        # inner cross-validation that picks C keeps both copies of a photo together
        fit = [(table[c][i], int(y[i]), int(i)) for c in CONDITIONS for i in tr]
        fit = [f for f in fit if f[0] is not None]
        model = train([f[0] for f in fit], [f[1] for f in fit], parts, [f[2] for f in fit])
        for c in CONDITIONS:
            for i in te:
                row = table[c][i]
                if row is not None:
                    scores[c][i] = model.predict(row)
    return scores, list(folds)


def run(data: Path) -> list[EvalRow]:
    import numpy as np
    from sklearn.metrics import roc_auc_score

    labels, table = load(data)
    y = np.asarray(labels)
    rows: list[EvalRow] = []
    for detector, parts in VARIANTS.items():
        scores, folds = out_of_fold(labels, table, parts)
        for cond in CONDITIONS:
            split = f"{FOLDS}-fold stratified, {cond}"
            rows.extend(binary_metrics(detector, SUITE, split, y.tolist(), scores[cond].tolist()))
            for k in range(FOLDS):
                idx = [i for i, f in enumerate(folds) if f == k]
                yk, sk = y[idx], scores[cond][idx]
                name = f"{split}, fold {k + 1}"
                rows.append(
                    EvalRow(detector, SUITE, name, "roc_auc", roc_auc_score(yk, sk), len(idx))
                )
                rows.append(
                    EvalRow(detector, SUITE, name, "tpr_at_1pct_fpr", tpr_at_fpr(yk, sk), len(idx))
                )
    return rows
