"""Suite ``synthetic_face``: StyleGAN2 faces (100) vs FFHQ photographs (300), stratified 5-fold CV.

The classifier is the detector's own (``face_model.train``: standardised logistic regression,
C=1, not tuned), refitted on each training fold (each training photo also as its 256 px JPEG q70
copy, as ``SyntheticFace.fit`` does) and scored on the held-out fold only. Splits:

* ``5-fold stratified, originals``: test images as given (512 px, JPEG q90);
* ``5-fold stratified, test downscaled 256px JPEG q70``: the same models, the test fold shrunk to
  256 px and re-saved at quality 70 (as a re-uploaded photo would be);
* per-fold rows (``..., fold k``) of ROC AUC and TPR at 1% FPR for the spread (with 60 genuine
  photos per fold, the per-fold TPR at 1% FPR is the TPR at zero false positives).

Ablations show where the signal is: ``[embedding only]``, ``[face residuals only]``, and two that
include the background (a known confound: generated backgrounds are smoother), reported to show
how much the background alone gives: ``[whole-image residuals]`` and ``[corner residuals]``.
Photos in which no face is found are scored 0.5 (the detector would abstain); the count is in ``n``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from unmask.evaluation.photos.common import cached, downscale, face_files, file_digest
from unmask.evaluation.rows import EvalRow, binary_metrics, tpr_at_fpr

SUITE = "synthetic_face"
REQUIRES = ("faces/real", "faces/fake")
FOLDS = 5
CONDITIONS = ("originals", "test downscaled 256px JPEG q70")
VARIANTS: dict[str, tuple[str, ...]] = {
    "synthetic_face": ("residual", "embedding"),
    "synthetic_face[embedding only]": ("embedding",),
    "synthetic_face[face residuals only]": ("residual",),
    "synthetic_face[whole-image residuals, includes background]": ("whole",),
    "synthetic_face[corner residuals, background only]": ("corner",),
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
        "residual": list(feats.residual),
        "embedding": list(feats.embedding),
        "whole": residual_features(arr),
        "corner": residual_features(corners),
    }


def load(data: Path) -> tuple[list[int], dict[str, list[dict[str, Any] | None]]]:
    from unmask.detectors.face_features import FEATURE_VERSION

    labels: list[int] = []
    table: dict[str, list[dict[str, Any] | None]] = {c: [] for c in CONDITIONS}
    for path, label in face_files(data):
        labels.append(label)
        digest = file_digest(path)
        for cond in CONDITIONS:
            small = cond != CONDITIONS[0]
            value = cached(
                "synthetic_face",
                [FEATURE_VERSION, "suite-1", digest, cond],
                functools.partial(_features, path, small),
            )
            table[cond].append(value)
    return labels, table


def _matrix(rows: list[dict[str, Any] | None], groups: tuple[str, ...]) -> Any:
    import numpy as np

    width = next(sum(len(r[g]) for g in groups) for r in rows if r is not None)
    return np.array(
        [[v for g in groups for v in r[g]] if r is not None else [np.nan] * width for r in rows]
    )


def out_of_fold(
    labels: list[int], table: dict[str, list[dict[str, Any] | None]], groups: tuple[str, ...]
) -> tuple[dict[str, Any], list[Any]]:
    """Held-out scores per condition, and the fold index of every photo."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from unmask.detectors.face_model import train

    y = np.asarray(labels)
    train_x = _matrix(table[CONDITIONS[0]], groups)
    mats = {c: _matrix(table[c], groups) for c in CONDITIONS}
    scores = {c: np.full(len(y), 0.5) for c in CONDITIONS}
    folds = np.zeros(len(y), dtype=int)
    splitter = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    for k, (tr, te) in enumerate(splitter.split(train_x, y)):
        folds[te] = k
        # as the detector's fit: each training photo also as its 256 px JPEG q70 copy
        x_fit = np.concatenate([mats[c][tr] for c in CONDITIONS])
        y_fit = np.concatenate([y[tr]] * len(CONDITIONS))
        ok = ~np.isnan(x_fit).any(axis=1)
        model = train(x_fit[ok].tolist(), y_fit[ok].tolist(), groups)
        for c in CONDITIONS:
            for i in te:
                if not np.isnan(mats[c][i]).any():
                    scores[c][i] = model.predict(mats[c][i].tolist())
    return scores, list(folds)


def run(data: Path) -> list[EvalRow]:
    import numpy as np
    from sklearn.metrics import roc_auc_score

    labels, table = load(data)
    y = np.asarray(labels)
    rows: list[EvalRow] = []
    for detector, groups in VARIANTS.items():
        scores, folds = out_of_fold(labels, table, groups)
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
