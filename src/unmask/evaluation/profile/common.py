"""Shared plumbing for the profile-model suites: production features, folds, pooled metrics.

Features always come from ``unmask.detectors.profile_features`` through the adapters' snapshots,
and models are fitted by ``ProfileModel.fit_matrix`` (the code ``fit`` runs), so a figure here is
a figure for the detector as shipped. Hyper-parameters are the detector's defaults: nothing is
tuned on any test fold. Metrics are computed on the pooled out-of-fold probabilities.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from unmask.detectors.profile_features import profile_features
from unmask.detectors.profile_model import ProfileModel, feature_matrix, to_matrix
from unmask.evaluation.adapters import LabelledSet
from unmask.evaluation.rows import EvalRow, binary_metrics

DETECTOR = "profile_model"
FOLDS = 5
SEED = 0


def labels_of(ls: LabelledSet, ids: Sequence[str]) -> NDArray[np.int_]:
    return np.array([1 if ls.labels[i] else 0 for i in ids], dtype=np.int_)


def design(
    ls: LabelledSet, features: Sequence[str], confounds: Sequence[str] = ()
) -> tuple[NDArray[np.float64], NDArray[np.int_], list[str]]:
    """Feature matrix (production features, then any raw confound columns), labels, names."""
    ids = ls.ids()
    if ls.as_of:
        rows = [profile_features(ls.snapshot.accounts[i], ls.snapshot_for(i)) for i in ids]
        x = to_matrix(rows, features)
    else:
        x = feature_matrix(ls.snapshot, ids, features)
    if confounds:
        extra = np.array([[ls.confounds[i][c] for c in confounds] for i in ids], dtype=np.float64)
        x = np.hstack([x, extra])
    return x, labels_of(ls, ids), [*features, *confounds]


def out_of_fold(
    x: NDArray[np.float64],
    y: NDArray[np.int_],
    names: Sequence[str],
    folds: int = FOLDS,
    seed: int = SEED,
) -> NDArray[np.float64]:
    """Stratified k-fold: each row scored by a model that never saw it."""
    from sklearn.model_selection import StratifiedKFold

    probs = np.zeros(len(y), dtype=np.float64)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y):
        model = ProfileModel(seed=seed).fit_matrix(x[train], y[train], names)
        probs[test] = model.predict_proba(x[test])
    return probs


def train_then_test(
    x_train: NDArray[np.float64],
    y_train: NDArray[np.int_],
    x_test: NDArray[np.float64],
    names: Sequence[str],
) -> NDArray[np.float64]:
    return ProfileModel(seed=SEED).fit_matrix(x_train, y_train, names).predict_proba(x_test)


def metric_rows(
    suite: str, split: str, y: NDArray[np.int_], probs: NDArray[np.float64]
) -> list[EvalRow]:
    return binary_metrics(DETECTOR, suite, split, y.tolist(), probs.tolist())


def as_table(rows: Sequence[EvalRow]) -> Mapping[tuple[str, str], float]:
    return {(r.split, r.metric): r.value for r in rows}
