"""Calibration maps from a model's raw margin to a probability, stored as plain JSON data.

One family only: a sigmoid ``p = 1 / (1 + exp(-(a * margin + b)))`` fitted on held-out
(out-of-fold) margins, with the slope ``a`` bounded. A sigmoid is strictly increasing, so it keeps
the model's ranking everywhere, including on a platform the model was not trained on; a step map
(isotonic regression) does not: on near-separable training data it learns a cliff and sends most
of a new domain to exactly 0 (issue 11 found 94% of a new domain at 0.000).

The bound is relative to the spread of the held-out margins (``spread``: their 5th to 95th
percentile): ``a * spread`` lies in [``MIN_SPAN``, ``MAX_SPAN``] logits. The upper bound stops a
near-separable training set from turning the map into a step (the middle 90% of training margins
spans at most probabilities 0.01 to 0.99); the lower bound keeps it from going flat. With fewer than
``SIGMOID_MIN_PER_CLASS`` of either class nothing is held out and the model's own sigmoid is used
(``none``). Targets are Platt's smoothed labels, so a perfectly separated set does not push the
fit to infinity. The bounds are fixed constants, chosen before any evaluation and never tuned on a
reported fold.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

SIGMOID_MIN_PER_CLASS = 8
MIN_SPAN = 1.0
MAX_SPAN = 2.0 * math.log(0.99 / 0.01)  # 9.19 logits: the middle 90% spans at most 0.01..0.99

Calibration = dict[str, Any]


def method_for(n_fake: int, n_genuine: int) -> str:
    return "sigmoid" if min(n_fake, n_genuine) >= SIGMOID_MIN_PER_CLASS else "none"


def _sigmoid(z: NDArray[np.float64]) -> NDArray[np.float64]:
    """The logistic function, exact in the tails (distinct tiny values, never a flat 0)."""
    from scipy.special import expit

    return np.asarray(expit(z), dtype=np.float64)


def _fit_sigmoid(m: NDArray[np.float64], t: NDArray[np.float64]) -> tuple[float, float]:
    """Maximum-likelihood (a, b) for soft targets ``t`` by Newton's method (small ridge)."""
    a, b = 1.0, 0.0
    for _ in range(100):
        p = _sigmoid(a * m + b)
        w = np.maximum(p * (1.0 - p), 1e-12)
        g = np.array([np.sum((p - t) * m) + 1e-6 * a, np.sum(p - t)])
        h = np.array(
            [[np.sum(w * m * m) + 1e-6, np.sum(w * m)], [np.sum(w * m), np.sum(w) + 1e-12]]
        )
        step = np.linalg.solve(h, g)
        a, b = a - float(step[0]), b - float(step[1])
        if float(np.abs(step).max()) < 1e-9:
            break
    return a, b


def _fit_intercept(m: NDArray[np.float64], t: NDArray[np.float64], a: float) -> float:
    b = 0.0
    for _ in range(100):
        p = _sigmoid(a * m + b)
        step = float(np.sum(p - t)) / max(float(np.sum(p * (1.0 - p))), 1e-12)
        b -= step
        if abs(step) < 1e-10:
            break
    return b


def fit_calibration(method: str, margins: NDArray[np.float64], y: NDArray[np.int_]) -> Calibration:
    """Fit ``method`` on held-out margins (log-odds) and their labels."""
    if method == "none":
        return {"method": "none"}
    if method != "sigmoid":
        raise ValueError(f"unknown calibration method {method!r}")
    m = np.asarray(margins, dtype=np.float64)
    yy = np.asarray(y)
    n_pos, n_neg = int(yy.sum()), int(len(yy) - yy.sum())
    t = np.where(yy == 1, (n_pos + 1.0) / (n_pos + 2.0), 1.0 / (n_neg + 2.0))
    lo, hi = np.percentile(m, [5.0, 95.0])
    spread = max(float(hi - lo), 1e-6)
    a_fit, _ = _fit_sigmoid(m, t)
    a = min(max(a_fit, MIN_SPAN / spread), MAX_SPAN / spread)
    b = _fit_intercept(m, t, a)
    return {"method": "sigmoid", "a": float(a), "b": float(b), "spread": spread}


def apply_calibration(cal: Calibration, margins: NDArray[np.float64]) -> NDArray[np.float64]:
    """Probabilities in (0, 1) for raw margins, strictly increasing in the margin."""
    method = cal.get("method")
    z = np.asarray(margins, dtype=np.float64)
    if method == "sigmoid":
        z = cal["a"] * z + cal["b"]
    elif method != "none":
        raise ValueError(f"unknown calibration method {method!r}")
    return _sigmoid(z)


def is_valid(cal: object) -> bool:
    """A calibration map read from an artefact has the shape ``apply_calibration`` expects."""
    if not isinstance(cal, dict):
        return False
    method = cal.get("method")
    if method == "none":
        return True
    if method == "sigmoid":
        values = [cal.get(k) for k in ("a", "b")]
        return (
            all(isinstance(v, float) and math.isfinite(v) for v in values) and float(cal["a"]) > 0.0
        )
    return False
