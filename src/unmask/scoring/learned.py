"""A learned combination of detector findings: a monotone, L2-regularised logistic model fitted on
out-of-fold detector scores against stored labels.

For each detector ``d`` the model sees the score ``x_d`` (0 when it abstained) and an abstention
flag ``m_d``: ``risk = sigmoid(b + sum_d w_d * x_d + v_d * m_d)`` with every ``w_d >= 0``, so a
detector that fires can never lower the risk (no learned weight can teach the system to trust an
account *because* a detector flagged it), while abstaining may move the risk either way. An
abstention is a missing value, never a zero score. The L2 strength is chosen by an inner
cross-validation on the training rows only, and the model is scored against the policy's noisy-OR
by an outer cross-validation on the same out-of-fold rows (``cv`` in the artefact), so ``unmask
train`` can say whether learning helped. Risk is calibrated to the labelled population's base rate.

Pure: numpy and scipy only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from unmask.model import Finding

L2_GRID = (0.001, 0.01, 0.1, 1.0)


@dataclass(frozen=True)
class LearnedCombiner:
    detectors: tuple[str, ...]
    weights: tuple[float, ...]
    missing: tuple[float, ...]
    intercept: float
    l2: float
    n_labels: int
    n_fakes: int
    cv: dict[str, float] = field(default_factory=dict)

    @property
    def version(self) -> str:
        body = json.dumps([self.detectors, self.weights, self.missing, self.intercept])
        return "learned-" + hashlib.blake2b(body.encode(), digest_size=4).hexdigest()

    def logit(self, findings: Sequence[Finding]) -> float:
        x, m = design([findings], self.detectors)
        return float(self.intercept + x[0] @ np.asarray(self.weights) + m[0] @ self.missing)

    def risk(self, findings: Sequence[Finding]) -> float:
        return float(_sigmoid(np.asarray([self.logit(findings)]))[0])

    def contributions(self, findings: Sequence[Finding]) -> dict[str, float]:
        """How much each detector's score added to the logit (what a reviewer reads as 'why')."""
        x, _ = design([findings], self.detectors)
        return {d: float(w * v) for d, w, v in zip(self.detectors, self.weights, x[0], strict=True)}

    def to_json(self) -> str:
        return json.dumps(asdict(self) | {"version": self.version}, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> LearnedCombiner:
        data = json.loads(text)
        data.pop("version", None)
        for key in ("detectors", "weights", "missing"):
            data[key] = tuple(data[key])
        return cls(**data)


def design(
    rows: Sequence[Sequence[Finding]], detectors: Sequence[str]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Score matrix (abstention -> 0) and abstention flags, one row per subject."""
    index = {d: i for i, d in enumerate(detectors)}
    x = np.zeros((len(rows), len(detectors)))
    m = np.ones((len(rows), len(detectors)))
    for r, findings in enumerate(rows):
        for f in findings:
            i = index.get(f.detector)
            if i is None or f.score is None:
                continue
            x[r, i] = max(x[r, i], f.score)
            m[r, i] = 0.0
    return x, m


def _sigmoid(z: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    out: np.ndarray[Any, Any] = 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))
    return out


def _fit(
    x: np.ndarray[Any, Any], m: np.ndarray[Any, Any], y: np.ndarray[Any, Any], l2: float
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], float]:
    from scipy.optimize import minimize

    k = x.shape[1]
    feats = np.hstack([x, m])
    n = len(y)

    def loss(theta: np.ndarray[Any, Any]) -> tuple[float, np.ndarray[Any, Any]]:
        w, b = theta[:-1], theta[-1]
        p = _sigmoid(feats @ w + b)
        eps = 1e-12
        value = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        value += 0.5 * l2 * float(w @ w)
        grad_w = feats.T @ (p - y) / n + l2 * w
        grad_b = np.mean(p - y)
        return float(value), np.append(grad_w, grad_b)

    bounds = [(0.0, None)] * k + [(None, None)] * k + [(None, None)]
    start = np.zeros(2 * k + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    theta = result.x
    return theta[:k], theta[k : 2 * k], float(theta[-1])


def folds_of(keys: Sequence[str], n_folds: int) -> np.ndarray[Any, Any]:
    """A deterministic fold for each key (by hash, so it does not depend on row order)."""
    return np.asarray(
        [int(hashlib.blake2b(k.encode(), digest_size=4).hexdigest(), 16) % n_folds for k in keys]
    )


def _predict(
    params: tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], float],
    x: np.ndarray[Any, Any],
    m: np.ndarray[Any, Any],
) -> np.ndarray[Any, Any]:
    w, v, b = params
    return _sigmoid(x @ w + m @ v + b)


def _logloss(y: np.ndarray[Any, Any], p: np.ndarray[Any, Any]) -> float:
    eps = 1e-12
    return float(-np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))


def _choose_l2(
    x: np.ndarray[Any, Any],
    m: np.ndarray[Any, Any],
    y: np.ndarray[Any, Any],
    folds: np.ndarray[Any, Any],
) -> float:
    best, best_loss = L2_GRID[0], float("inf")
    for l2 in L2_GRID:
        losses = []
        for k in np.unique(folds):
            train, test = folds != k, folds == k
            if len(np.unique(y[train])) < 2 or not test.any():
                continue
            params = _fit(x[train], m[train], y[train], l2)
            losses.append(_logloss(y[test], _predict(params, x[test], m[test])))
        mean = float(np.mean(losses)) if losses else float("inf")
        if mean < best_loss:
            best, best_loss = l2, mean
    return best


def fit_combiner(
    keys: Sequence[str],
    rows: Sequence[Sequence[Finding]],
    labels: Sequence[bool],
    detectors: Sequence[str],
    baseline: Callable[[Sequence[Finding]], float],
    n_folds: int = 3,
) -> LearnedCombiner:
    """Fit on out-of-fold findings ``rows`` (one per labelled subject ``keys``).

    ``baseline`` is the policy's own combination, scored beside the learned one in ``cv``.
    """
    from sklearn.metrics import brier_score_loss, roc_auc_score

    y = np.asarray(labels, dtype=float)
    x, m = design(rows, detectors)
    outer = folds_of(keys, n_folds)
    learned = np.zeros(len(y))
    for k in range(n_folds):
        train, test = outer != k, outer == k
        if not test.any() or len(np.unique(y[train])) < 2:
            continue
        inner = folds_of([f"{key}/inner" for key in np.asarray(keys)[train]], n_folds)
        l2 = _choose_l2(x[train], m[train], y[train], inner)
        learned[test] = _predict(_fit(x[train], m[train], y[train], l2), x[test], m[test])
    base = np.asarray([baseline(r) for r in rows])
    cv: dict[str, float] = {}
    if len(np.unique(y)) == 2:
        cv = {
            "learned_roc_auc": float(roc_auc_score(y, learned)),
            "learned_brier": float(brier_score_loss(y, learned)),
            "policy_roc_auc": float(roc_auc_score(y, base)),
            "policy_brier": float(brier_score_loss(y, base)),
        }
    l2 = _choose_l2(x, m, y, outer)
    w, v, b = _fit(x, m, y, l2)
    return LearnedCombiner(
        detectors=tuple(detectors),
        weights=tuple(round(float(a), 6) for a in w),
        missing=tuple(round(float(a), 6) for a in v),
        intercept=round(b, 6),
        l2=l2,
        n_labels=len(y),
        n_fakes=int(y.sum()),
        cv=cv,
    )


def too_few(labels: Mapping[str, bool], min_labels: int, min_per_class: int) -> str | None:
    """Why there are too few labels to learn a combination, or None when there are enough."""
    fakes = sum(labels.values())
    genuine = len(labels) - fakes
    if len(labels) < min_labels:
        return f"{len(labels)} labelled accounts (at least {min_labels} needed)"
    if min(fakes, genuine) < min_per_class:
        return (
            f"{fakes} fake and {genuine} genuine labels (at least {min_per_class} of each needed)"
        )
    return None
