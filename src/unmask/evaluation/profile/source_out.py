"""Suite ``profile_source_out``: train on one profile source, test on another (the headline).

For every ordered pair of the five profile sources (``sources.SOURCES``) the detector is fitted on
one source and scored on the other, on the production features both support (of
``MODEL_FEATURES``: no platform-scaled raw counts). Then, for each source, on all the other
sources pooled (plus ``political_bots_2019`` as extra positives) on the features every one of them
supports, and on the same platform's other sources only, on all the features they share
(``pooled_trainings``). Beside every figure, the plain gradient-boosting reference
(``GB_REFERENCE``) trained on the same rows and features. Nothing is chosen on the test source:
the detector's hyper-parameters are its defaults, its monotone directions and calibration are
fitted on the training rows only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from unmask.detectors.profile_features import MODEL_FEATURES
from unmask.detectors.profile_model import ProfileModel
from unmask.evaluation.adapters import LabelledSet
from unmask.evaluation.profile import sources
from unmask.evaluation.profile.common import DETECTOR, SEED, design
from unmask.evaluation.rows import EvalRow, binary_metrics
from unmask.evaluation.source_out import (
    GB_REFERENCE,
    gradient_boosting_reference,
    leave_one_out,
    pairs,
    split_name,
)

SUITE = "profile_source_out"
REQUIRES = sources.REQUIRES

Model = Callable[
    [NDArray[np.float64], NDArray[np.int_], NDArray[np.float64], Sequence[str]],
    NDArray[np.float64],
]


def profile_model(
    x_train: NDArray[np.float64],
    y_train: NDArray[np.int_],
    x_test: NDArray[np.float64],
    names: Sequence[str],
) -> NDArray[np.float64]:
    return ProfileModel(seed=SEED).fit_matrix(x_train, y_train, names).predict_proba(x_test)


def shared_features(sets: Sequence[LabelledSet]) -> tuple[str, ...]:
    """The model features every one of ``sets`` supports, in ``MODEL_FEATURES`` order."""
    supported = [set(s.features()) for s in sets]
    return tuple(f for f in MODEL_FEATURES if all(f in s for s in supported))


class Matrices:
    """Every model feature of each source, computed once; columns picked per split."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[NDArray[np.float64], NDArray[np.int_]]] = {}

    def of(
        self, ls: LabelledSet, features: Sequence[str]
    ) -> tuple[NDArray[np.float64], NDArray[np.int_]]:
        if ls.name not in self._cache:
            x, y, _ = design(ls, MODEL_FEATURES)
            self._cache[ls.name] = (x, y)
        x, y = self._cache[ls.name]
        return x[:, [MODEL_FEATURES.index(f) for f in features]], y

    def stack(
        self, sets: Sequence[LabelledSet], features: Sequence[str]
    ) -> tuple[NDArray[np.float64], NDArray[np.int_]]:
        parts = [self.of(s, features) for s in sets]
        return np.vstack([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _rows(
    cache: Matrices,
    split: str,
    features: Sequence[str],
    train: Sequence[LabelledSet],
    test: LabelledSet,
    model: Model,
) -> list[EvalRow]:
    x_tr, y_tr = cache.stack(train, features)
    x_te, y_te = cache.stack([test], features)
    ours = model(x_tr, y_tr, x_te, features)
    ref = gradient_boosting_reference(x_tr, y_tr, x_te)
    return [
        *binary_metrics(DETECTOR, SUITE, split, y_te.tolist(), ours.tolist()),
        *binary_metrics(GB_REFERENCE, SUITE, split, y_te.tolist(), ref.tolist()),
    ]


def pooled_trainings(sets: Mapping[str, LabelledSet]) -> list[tuple[tuple[str, ...], str]]:
    """The pooled training sets, as (training sources, test source).

    For each source: all the other sources (on the few features every one of them supports), and
    then, when it differs, only the other sources that carry every field the test source has (the
    same platform's sources: all its features are usable).
    """
    out: list[tuple[tuple[str, ...], str]] = []
    for train, test in leave_one_out(sources.SOURCES):
        out.append((train, test))
        wanted = set(sets[test].features())
        same = tuple(t for t in train if wanted <= set(sets[t].features()))
        if len(same) >= 2 and same != train:
            out.append((same, test))
    return out


def run(data: Path, model: Model = profile_model, pooled: bool = True) -> list[EvalRow]:
    sets = sources.load_all(data)
    extra = sources.load_extra_positives(data)
    cache = Matrices()
    rows: list[EvalRow] = []
    for a, b in pairs(sources.SOURCES):
        features = shared_features([sets[a], sets[b]])
        rows.extend(_rows(cache, split_name(a, b), features, [sets[a]], sets[b], model))
    if not pooled:
        return rows
    for train, test in pooled_trainings(sets):
        train_sets = [sets[t] for t in train]
        names = train
        if extra is not None:
            train_sets.append(extra)
            names = (*train, sources.EXTRA_POSITIVES)
        features = shared_features([*train_sets, sets[test]])
        rows.extend(_rows(cache, split_name(names, test), features, train_sets, sets[test], model))
    return rows
