"""Training ``synthetic_face``'s model (``face_model``): each part's ``C`` and the combination of
parts are chosen by cross-validation inside the training data only.

* ``C`` per part: 3-fold cross-validation on the training rows (folds split by source photo, so
  a photo's resized copies never sit on both sides), lowest log-loss over ``C_GRID``;
* parts: each candidate of ``CANDIDATES`` is scored on the same inner out-of-fold probabilities
  (the mean of its parts'), by ROC AUC up to 5% false positives (standardised partial AUC, the
  low-false-positive region the detector is used in); the best candidate is refitted on all the
  training rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from unmask.detectors.face_model import (
    C_GRID,
    CANDIDATES,
    FaceModel,
    Features,
    LogisticPart,
)

INNER_FOLDS = 3
SELECT_MAX_FPR = 0.05


def _fit(x: Any, y: Any, c: float) -> tuple[Any, Any, Any]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xa, ya = np.asarray(x, dtype=float), np.asarray(y, dtype=int)
    mean = xa.mean(axis=0)
    scale = xa.std(axis=0)
    scale[scale < 1e-12] = 1.0
    lr = LogisticRegression(C=c, solver="liblinear", max_iter=5000)
    lr.fit((xa - mean) / scale, ya)
    return mean, scale, lr


def _enough(y: Any) -> bool:
    return min(int(y.sum()), int((1 - y).sum())) >= 2 * INNER_FOLDS


def inner_oof(x: Any, y: Any, photo: Sequence[int], grid: Sequence[float]) -> Any:
    """(chosen ``C``, its out-of-fold probabilities): ``C`` of ``grid`` with the lowest
    ``INNER_FOLDS``-fold log-loss, folds split by photo. None for the probabilities when there
    are too few rows of a class for the inner folds."""
    import numpy as np
    from sklearn.metrics import log_loss
    from sklearn.model_selection import StratifiedGroupKFold

    xa, ya, ga = np.asarray(x, dtype=float), np.asarray(y, dtype=int), np.asarray(photo)
    if not _enough(ya):
        return grid[-1], None
    splitter = StratifiedGroupKFold(INNER_FOLDS, shuffle=True, random_state=0)
    preds = np.zeros((len(grid), len(ya)))
    for tr, te in splitter.split(xa, ya, ga):
        for k, c in enumerate(grid):
            mean, scale, lr = _fit(xa[tr], ya[tr], c)
            preds[k, te] = lr.predict_proba((xa[te] - mean) / scale)[:, 1]
    losses = [log_loss(ya, p, labels=[0, 1]) for p in preds]
    best = int(np.argmin(losses))
    return grid[best], preds[best]


def choose_c(
    x: object, y: Sequence[int], photo: Sequence[int], grid: Sequence[float] = C_GRID
) -> float:
    """The ``C`` of ``grid`` with the lowest inner cross-validated log-loss."""
    if len(grid) == 1:
        return grid[0]
    c: float = inner_oof(x, y, photo, grid)[0]
    return c


def _matrix(rows: Sequence[Features], groups: tuple[str, ...]) -> Any:
    import numpy as np

    return np.asarray([[v for g in groups for v in r[g]] for r in rows], dtype=float)


def _part(x: Any, y: Any, groups: tuple[str, ...], c: float) -> LogisticPart:
    mean, scale, lr = _fit(x, y, c)
    return LogisticPart(
        tuple(groups),
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in lr.coef_[0]),
        float(lr.intercept_[0]),
        float(c),
    )


def label(candidate: Sequence[tuple[str, ...]]) -> str:
    return " | ".join("+".join(p) for p in candidate)


def train(
    rows: Sequence[Features],
    y: Sequence[int],
    parts: Sequence[tuple[str, ...]] | None = None,
    photo: Sequence[int] | None = None,
    grid: Sequence[float] = C_GRID,
    candidates: Sequence[Sequence[tuple[str, ...]]] = CANDIDATES,
) -> FaceModel:
    """Fit the model: the given ``parts``, or the best of ``candidates`` by inner CV (see the
    module doc). ``photo`` numbers the source photo of each row (augmented copies share it)."""
    import numpy as np
    from sklearn.metrics import roc_auc_score

    ya = np.asarray(y, dtype=int)
    ids = list(photo) if photo is not None else list(range(len(ya)))
    cands = [tuple(parts)] if parts is not None else [tuple(c) for c in candidates]
    chosen: dict[tuple[str, ...], tuple[Any, float, Any]] = {}
    for groups in dict.fromkeys(g for cand in cands for g in cand):
        x = _matrix(rows, groups)
        c, oof = (grid[0], None) if len(grid) == 1 else inner_oof(x, ya, ids, grid)
        chosen[groups] = (x, c, oof)
    selection: list[tuple[str, float]] = []
    best = cands[0]
    if len(cands) > 1 and all(v[2] is not None for v in chosen.values()):
        scored = []
        for cand in cands:
            p = np.mean([chosen[g][2] for g in cand], axis=0)
            scored.append(float(roc_auc_score(ya, p, max_fpr=SELECT_MAX_FPR)))
        selection = [(label(cand), s) for cand, s in zip(cands, scored, strict=True)]
        best = cands[int(np.argmax(scored))]
    fitted = tuple(_part(chosen[g][0], ya, g, chosen[g][1]) for g in best)
    return FaceModel(fitted, int((ya == 0).sum()), int((ya == 1).sum()), tuple(selection))
