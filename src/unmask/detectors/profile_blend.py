"""The profile model's booster pair: an additive monotone model and a regular one, blended.

Two LightGBM models are trained on the same features and labels:

- **additive, monotone**: depth-1 trees (so the score is a sum of one-feature curves) with every
  feature's direction fixed by its ROC AUC on the training labels (``monotone_directions``:
  up when the feature's AUC is above ``0.5 + DIRECTION_MARGIN``, down when below ``0.5 -
  DIRECTION_MARGIN``, free otherwise). Such a model cannot invent interactions that hold only on
  the training platform, and it extrapolates flat rather than wildly on values it never saw.
- **regular**: 15-leaf trees, able to use interactions.

The blend is the sum of the two margins, each standardised by its mean and standard deviation on
the training rows (``scale``), so neither dominates by scale. It is linear in the two margins, so
per-feature contributions (TreeSHAP) add up the same way. Everything here is fixed or fitted on the
training labels only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

DIRECTION_MARGIN = 0.05
ROUNDS = 300
LEARNING_RATE = 0.05
REGULAR_LEAVES = 15


def lightgbm() -> Any:
    try:
        import lightgbm
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise RuntimeError("profile_model needs LightGBM: pip install 'unmask[ml]'") from exc
    return lightgbm


def monotone_directions(x: NDArray[np.float64], y: NDArray[np.int_]) -> list[int]:
    """+1 / -1 / 0 per column: the direction the training labels show, 0 when unclear."""
    from sklearn.metrics import roc_auc_score

    out: list[int] = []
    for col in range(x.shape[1]):
        values = x[:, col]
        known = ~np.isnan(values)
        if known.sum() < 10 or len(set(y[known].tolist())) < 2:
            out.append(0)
            continue
        auc = float(roc_auc_score(y[known], values[known]))
        out.append(1 if auc > 0.5 + DIRECTION_MARGIN else -1 if auc < 0.5 - DIRECTION_MARGIN else 0)
    return out


def _params(n_rows: int, seed: int, threads: int, **extra: Any) -> dict[str, Any]:
    return {
        "objective": "binary",
        "learning_rate": LEARNING_RATE,
        "min_data_in_leaf": max(1, min(20, n_rows // 20)),
        "min_data_in_bin": 1,
        "min_sum_hessian_in_leaf": 1e-3,
        "lambda_l2": 1.0,
        "seed": seed,
        "deterministic": True,
        "force_col_wise": True,
        "num_threads": threads,
        "verbose": -1,
        **extra,
    }


@dataclass
class Blend:
    boosters: list[Any]
    scale: list[tuple[float, float]]  # (mean, sd) of each booster's training margin

    def margin(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        out = np.zeros(len(x), dtype=np.float64)
        for booster, (mean, sd) in zip(self.boosters, self.scale, strict=True):
            out += (np.asarray(booster.predict(x, raw_score=True), dtype=np.float64) - mean) / sd
        return out

    def contributions(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        """Per-feature contributions to ``margin`` (last column: the bias), TreeSHAP."""
        total: NDArray[np.float64] | None = None
        for booster, (mean, sd) in zip(self.boosters, self.scale, strict=True):
            c = np.asarray(booster.predict(x, pred_contrib=True), dtype=np.float64) / sd
            c[:, -1] -= mean / sd
            total = c if total is None else total + c
        assert total is not None
        return total

    def to_doc(self) -> dict[str, Any]:
        return {
            "models": [b.model_to_string() for b in self.boosters],
            "scale": [list(s) for s in self.scale],
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Blend:
        """Raises ``ValueError`` on a malformed document (the caller names the artefact)."""
        models, scale = doc.get("models"), doc.get("scale")
        if not isinstance(models, list) or not isinstance(scale, list) or not models:
            raise ValueError("no models")
        if len(models) != len(scale) or not all(
            isinstance(s, list) and len(s) == 2 and float(s[1]) > 0 for s in scale
        ):
            raise ValueError("models and scales disagree")
        lgb = lightgbm()
        try:
            boosters = [lgb.Booster(model_str=str(m)) for m in models]
        except lgb.basic.LightGBMError as exc:
            raise ValueError(f"unreadable model ({exc})") from None
        return cls(boosters, [(float(s[0]), float(s[1])) for s in scale])


def train_blend(
    x: NDArray[np.float64],
    y: NDArray[np.int_],
    names: Sequence[str],
    seed: int = 0,
    threads: int = 1,
    rounds: int = ROUNDS,
) -> Blend:
    lgb = lightgbm()
    n = len(y)
    variants = [
        _params(
            n,
            seed,
            threads,
            num_leaves=2,
            max_depth=1,
            monotone_constraints=monotone_directions(x, y),
        ),
        _params(n, seed, threads, num_leaves=REGULAR_LEAVES),
    ]
    boosters, scale = [], []
    for params in variants:
        data = lgb.Dataset(x, label=y, feature_name=list(names), params=params)
        booster = lgb.train(params, data, num_boost_round=rounds)
        m = np.asarray(booster.predict(x, raw_score=True), dtype=np.float64)
        boosters.append(booster)
        scale.append((float(m.mean()), max(float(m.std()), 1e-6)))
    return Blend(boosters, scale)
