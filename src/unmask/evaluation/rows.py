"""Evaluation rows and the metrics every suite reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unmask.settings import load_settings

METRICS = (
    "roc_auc",
    "pr_auc",
    "tpr_at_1pct_fpr",
    "recall",
    "false_match_rate",
    "brier",
    "accuracy",
    "precision_at_k",
    "campaign_recovery",
)


@dataclass(frozen=True, slots=True)
class EvalRow:
    detector: str
    suite: str
    split: str
    metric: str
    value: float
    n: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def data_dir(explicit: Path | None = None) -> Path:
    """Where the third-party evaluation data lives: argument, $UNMASK_EVAL_DATA, ../shared/data."""
    if explicit is not None:
        return explicit
    return load_settings().eval_data


def tpr_at_fpr(y_true: Any, scores: Any, fpr: float = 0.01) -> float:
    """The best true-positive rate whose false-positive rate is at most ``fpr``."""
    from sklearn.metrics import roc_curve

    fprs, tprs, _ = roc_curve(np.asarray(y_true), np.asarray(scores))
    ok = fprs <= fpr
    return float(tprs[ok].max()) if ok.any() else 0.0


def binary_metrics(
    detector: str,
    suite: str,
    split: str,
    y_true: Sequence[int],
    scores: Sequence[float],
    probabilities: bool = True,
) -> list[EvalRow]:
    """ROC AUC, PR AUC, TPR at 1% FPR and (for probabilities) the Brier score."""
    from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    n = len(y)
    rows = [
        EvalRow(detector, suite, split, "roc_auc", float(roc_auc_score(y, s)), n),
        EvalRow(detector, suite, split, "pr_auc", float(average_precision_score(y, s)), n),
        EvalRow(detector, suite, split, "tpr_at_1pct_fpr", tpr_at_fpr(y, s), n),
    ]
    if probabilities:
        rows.append(EvalRow(detector, suite, split, "brier", float(brier_score_loss(y, s)), n))
    return rows
