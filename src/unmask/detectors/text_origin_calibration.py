"""How ``text_origin`` turns component scores into a decision that survives a shift of domain.

Three pieces, all fitted on out-of-fold scores of the *training* texts only:

- ``stack_inputs``: the stacker sees each component's logit, the same logit scaled by the text's
  log length, and the log length itself, so that a short text's weaker evidence is weighed on
  its own scale (length-aware calibration, instead of one intercept for every length);
- ``robust_threshold``: the decision threshold that maximises the *worst* balanced accuracy over
  cells (inner held-out fold or field x length bucket), ties broken by the mean: a threshold that
  is good on every held-out part of the training data rather than best on their pool, so it does
  not sit at the edge of one domain's score distribution;
- ``length_bucket``: the length classes the cells use (short <= 200, medium <= 450, long).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["fit_lr", "length_bucket", "robust_threshold", "stack_inputs"]

Array = npt.NDArray[np.float64]
REFERENCE_CHARS = 300.0


def fit_lr(x: Any, y: Array, c: float) -> tuple[Array, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000).fit(x, y)
    return np.asarray(model.coef_[0], dtype=np.float64), float(model.intercept_[0])


def _log_length(n_chars: Sequence[int]) -> Array:
    n = np.maximum(np.asarray(n_chars, dtype=np.float64), 1.0)
    return np.clip(np.log(n / REFERENCE_CHARS), -2.0, 1.5)


def stack_inputs(scores: Array, n_chars: Sequence[int]) -> Array:
    """``[logits, logits * u, u]`` with ``u`` the clipped log of length / 300 characters."""
    u = _log_length(n_chars).reshape(-1, 1)
    return np.hstack([scores, scores * u, u])


def length_bucket(n_chars: Sequence[int]) -> npt.NDArray[np.int64]:
    n = np.asarray(n_chars)
    return np.asarray(np.where(n <= 200, 0, np.where(n <= 450, 1, 2)), dtype=np.int64)


def robust_threshold(z: Array, y: Array, cells: Sequence[Any], min_per_class: int = 5) -> float:
    """The logit threshold with the best worst-cell balanced accuracy (module docstring).

    Cells with fewer than ``min_per_class`` texts of either class are left out; with no cell
    left, the whole set is one cell. Returns 0.0 (probability 0.5) when ``z`` is empty."""
    if len(z) == 0:
        return 0.0
    keys = np.asarray([str(c) for c in cells])
    kept = []
    for key in sorted(set(keys.tolist())):
        mask = keys == key
        if min(int((y[mask] == 1).sum()), int((y[mask] == 0).sum())) >= min_per_class:
            kept.append(mask)
    if not kept:
        kept = [np.ones(len(z), dtype=bool)]
    grid = np.unique(np.quantile(z, np.linspace(0.005, 0.995, 397)))
    grid = np.concatenate([grid, [0.0]])
    best, best_key = 0.0, (-1.0, -1.0, 0.0)
    for t in grid:
        accs = []
        for mask in kept:
            pred = z[mask] >= t
            tpr = float(pred[y[mask] == 1].mean())
            tnr = float((~pred[y[mask] == 0]).mean())
            accs.append(0.5 * (tpr + tnr))
        key = (min(accs), float(np.mean(accs)), -abs(float(t)))
        if key > best_key:
            best, best_key = float(t), key
    return best
