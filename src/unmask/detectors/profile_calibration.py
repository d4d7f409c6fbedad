"""Calibration maps from a model's raw margin to a probability, stored as plain JSON data.

``fit_calibration`` picks the method by how much data there is: isotonic regression with plenty of
both classes, Platt scaling (a logistic fit on the margin) with a few, and none (the model's own
sigmoid) when there is too little to hold any out. Every map is monotone non-decreasing.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

ISOTONIC_MIN_PER_CLASS = 50
PLATT_MIN_PER_CLASS = 8

Calibration = dict[str, Any]


def method_for(n_fake: int, n_genuine: int) -> str:
    smaller = min(n_fake, n_genuine)
    if smaller >= ISOTONIC_MIN_PER_CLASS:
        return "isotonic"
    if smaller >= PLATT_MIN_PER_CLASS:
        return "platt"
    return "none"


def fit_calibration(method: str, margins: NDArray[np.float64], y: NDArray[np.int_]) -> Calibration:
    """Fit ``method`` on held-out margins (log-odds) and their labels."""
    if method == "none":
        return {"method": "none"}
    if method == "platt":
        from sklearn.linear_model import LogisticRegression

        lr = LogisticRegression(C=1e6, max_iter=1000).fit(margins.reshape(-1, 1), y)
        slope = max(float(lr.coef_[0, 0]), 0.0)  # a negative slope would invert the ranking
        return {"method": "platt", "a": slope, "b": float(lr.intercept_[0])}
    if method == "isotonic":
        from sklearn.isotonic import IsotonicRegression

        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(margins, y)
        return {
            "method": "isotonic",
            "x": [float(v) for v in iso.X_thresholds_],
            "y": [float(v) for v in iso.y_thresholds_],
        }
    raise ValueError(f"unknown calibration method {method!r}")


def apply_calibration(cal: Calibration, margins: NDArray[np.float64]) -> NDArray[np.float64]:
    """Probabilities in [0, 1] for raw margins."""
    method = cal.get("method")
    if method == "none":
        out = 1.0 / (1.0 + np.exp(-margins))
    elif method == "platt":
        out = 1.0 / (1.0 + np.exp(-(cal["a"] * margins + cal["b"])))
    elif method == "isotonic":
        out = np.interp(margins, np.asarray(cal["x"]), np.asarray(cal["y"]))
    else:
        raise ValueError(f"unknown calibration method {method!r}")
    return np.clip(np.asarray(out, dtype=np.float64), 0.0, 1.0)


def is_valid(cal: object) -> bool:
    """A calibration map read from an artefact has the shape ``apply_calibration`` expects."""
    if not isinstance(cal, dict):
        return False
    method = cal.get("method")
    if method == "none":
        return True
    if method == "platt":
        return all(isinstance(cal.get(k), float) and math.isfinite(cal[k]) for k in ("a", "b"))
    if method == "isotonic":
        xs, ys = cal.get("x"), cal.get("y")
        return (
            isinstance(xs, list)
            and isinstance(ys, list)
            and len(xs) == len(ys) > 0
            and all(b >= a for a, b in itertools.pairwise(xs))
            and all(b >= a for a, b in itertools.pairwise(ys))
        )
    return False
