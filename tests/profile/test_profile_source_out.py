"""Source-out floors for ``profile_model`` on the real profile sources (issue 11).

Goal: ROC AUC >= 0.85 on every pair of sources, and never more than 0.02 below the plain
gradient-boosting reference trained on the same rows and features. Where a pair meets a goal,
the test pins the goal itself; where it does not (docs/profile-model.md says which and why), the
test pins the measured figure less 0.02 so that it cannot get worse unnoticed. The measured
figures are in ``MEASURED`` (ours, reference) for that purpose only: nothing is tuned to them.
Skips without ../shared/data; fails in CI.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pytest

from unmask.evaluation.profile import source_out, sources
from unmask.evaluation.rows import EvalRow
from unmask.evaluation.source_out import (
    GB_REFERENCE,
    is_source_out,
    leave_one_out,
    pairs,
    split_name,
)

GOAL_ROC = 0.85
GOAL_GAP = -0.02
SLACK = 0.02
C15, IG, C17, BF, VV = sources.SOURCES
TWITTER = (C15, C17, BF, VV)
EXTRA = sources.EXTRA_POSITIVES
POOLED = {test: (*train, EXTRA) for train, test in leave_one_out(sources.SOURCES)}
SAME_PLATFORM = {test: (*(t for t in TWITTER if t != test), EXTRA) for test in TWITTER}
#: (profile_model, gradient_boosting_reference) ROC AUC measured by this suite.
MEASURED: Mapping[tuple[str, str], tuple[float, float]] = {
    (C15, IG): (0.928, 0.937),
    (C15, C17): (0.889, 0.903),
    (C15, BF): (0.579, 0.528),
    (C15, VV): (0.924, 0.816),
    (IG, C15): (0.965, 0.972),
    (IG, C17): (0.685, 0.702),
    (IG, BF): (0.487, 0.572),
    (IG, VV): (0.716, 0.687),
    (C17, C15): (0.979, 0.964),
    (C17, IG): (0.870, 0.668),
    (C17, BF): (0.595, 0.648),
    (C17, VV): (0.930, 0.932),
    (BF, C15): (0.977, 0.864),
    (BF, IG): (0.839, 0.786),
    (BF, C17): (0.728, 0.689),
    (BF, VV): (0.930, 0.920),
    (VV, C15): (0.994, 0.975),
    (VV, IG): (0.927, 0.905),
    (VV, C17): (0.857, 0.807),
    (VV, BF): (0.640, 0.684),
    ("pooled", C15): (0.997, 0.997),
    ("pooled", IG): (0.915, 0.758),
    ("pooled", C17): (0.873, 0.840),
    ("pooled", BF): (0.552, 0.607),
    ("pooled", VV): (0.954, 0.928),
    ("pooled-twitter", C15): (0.987, 0.947),
    ("pooled-twitter", C17): (0.867, 0.767),
    ("pooled-twitter", BF): (0.710, 0.732),
    ("pooled-twitter", VV): (0.956, 0.963),
}

Table = Mapping[tuple[str, str], float]


def _split(key: tuple[str, str]) -> str:
    train, test = key
    if train == "pooled":
        return split_name(POOLED[test], test)
    if train == "pooled-twitter":
        return split_name(SAME_PLATFORM[test], test)
    return split_name(train, test)


@pytest.fixture(scope="module")
def rows(eval_data: Path) -> list[EvalRow]:
    return source_out.run(eval_data)


@pytest.fixture(scope="module")
def roc(rows: list[EvalRow]) -> Table:
    return {(r.detector, r.split): r.value for r in rows if r.metric == "roc_auc"}


def test_every_pair_and_every_pooled_split_is_reported(rows: list[EvalRow]) -> None:
    expected = {split_name(a, b) for a, b in pairs(sources.SOURCES)}
    expected |= {split_name(t, s) for s, t in POOLED.items()}
    expected |= {split_name(t, s) for s, t in SAME_PLATFORM.items()}
    assert {r.split for r in rows} == expected == {_split(k) for k in MEASURED}
    assert len(expected) == 29
    assert all(is_source_out(r.split) and r.suite == source_out.SUITE for r in rows)
    for detector in ("profile_model", GB_REFERENCE):
        got = {(r.split, r.metric) for r in rows if r.detector == detector}
        assert {m for _, m in got} == {"roc_auc", "pr_auc", "tpr_at_1pct_fpr", "brier"}
        assert len(got) == 4 * len(expected)
    n_test = {r.split: r.n for r in rows}
    assert n_test[split_name(C15, IG)] == 1194 and n_test[split_name(IG, C15)] == 2818


@pytest.mark.parametrize("key", sorted(MEASURED), ids=lambda k: f"{k[0]}->{k[1]}")
def test_roc_floor(roc: Table, key: tuple[str, str]) -> None:
    ours, _ = MEASURED[key]
    floor = GOAL_ROC if ours >= GOAL_ROC else ours - SLACK
    assert roc[("profile_model", _split(key))] >= floor


@pytest.mark.parametrize("key", sorted(MEASURED), ids=lambda k: f"{k[0]}->{k[1]}")
def test_never_far_below_the_gradient_boosting_reference(roc: Table, key: tuple[str, str]) -> None:
    ours, ref = MEASURED[key]
    floor = GOAL_GAP if ours - ref >= GOAL_GAP else ours - ref - SLACK
    split = _split(key)
    assert roc[("profile_model", split)] - roc[(GB_REFERENCE, split)] >= floor


def test_goals_are_met_on_most_pairs(roc: Table) -> None:
    # the honest count (docs/profile-model.md): the ROC goal on 19 of 29 splits, the reference
    # goal on 24 of 29 (every shortfall has botometer_feedback_2019 as the test source)
    keys = [_split(k) for k in MEASURED]
    met_roc = sum(roc[("profile_model", s)] >= GOAL_ROC for s in keys)
    met_gap = sum(roc[("profile_model", s)] - roc[(GB_REFERENCE, s)] >= GOAL_GAP for s in keys)
    assert met_roc >= 19 and met_gap >= 24


def test_scores_keep_their_ranking_on_a_new_domain(eval_data: Path) -> None:
    # trained on cresci-2015, scored by ``detect`` on cresci-2017's later bots: the calibration is
    # strictly increasing (no ties it did not get from the model), nothing collapses to 0
    from sklearn.metrics import roc_auc_score

    from unmask.detectors.profile_model import ProfileModel, feature_matrix

    train = sources.LOADERS[C15][1](eval_data)
    test = sources.LOADERS[C17][1](eval_data)
    model = ProfileModel().fit(train.snapshot, train.labels)
    ids = test.ids()[::4]  # every fourth account (3,258): ``detect`` runs TreeSHAP on each
    scores = np.array([f.score for f in model.detect(test.snapshot, ids)], dtype=np.float64)
    margins = model.blend_.margin(feature_matrix(test.snapshot, ids, model.features_))
    y = np.array([test.labels[i] for i in ids])
    assert len(np.unique(scores)) == len(np.unique(margins))
    assert abs(roc_auc_score(y, scores) - roc_auc_score(y, margins)) < 1e-9
    assert (scores < 0.001).mean() < 0.05 and (scores > 0.999).mean() < 0.05
    assert roc_auc_score(y, scores) >= GOAL_ROC
