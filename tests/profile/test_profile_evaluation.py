"""The profile-model suites on the third-party data (skipped when ../shared/data is absent).

The thresholds sit a little below what was measured (docs/profile-model.md), so a regression in
the features or the model fails here; they are not targets the model was tuned to.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from unmask.evaluation.adapters import cresci2015, instafake
from unmask.evaluation.profile import cresci, cross_domain
from unmask.evaluation.profile import instafake as instafake_suite
from unmask.evaluation.profile.common import as_table
from unmask.evaluation.suites import SUITE_MODULES

Table = Mapping[tuple[str, str], float]


def test_suites_are_registered() -> None:
    for module in (cresci, instafake_suite, cross_domain):
        assert module.__name__ in SUITE_MODULES


def test_cresci_adapter_drops_the_leaks(eval_data: Path) -> None:
    ls = cresci2015.load(eval_data)
    assert sum(ls.labels.values()) == 1337 and len(ls.labels) == 2818
    accounts = list(ls.snapshot.accounts.values())
    assert all(a.language is None and a.updated_at is None for a in accounts)
    assert all(not (a.verified_email or a.verified_phone or a.verified_workplace) for a in accounts)
    features = ls.features()
    assert "following_follower_ratio" in features and "account_age_days" in features
    assert not {"n_positions", "completeness", "connections"} & set(features)


def test_instafake_adapter(eval_data: Path) -> None:
    ls = instafake.load(eval_data)
    assert sum(ls.labels.values()) == 200 and len(ls.labels) == 1194
    features = set(ls.features())
    assert {"followers", "following", "posts", "has_photo", "name_digits"} <= features
    assert not {"account_age_days", "name_lowercase", "headline_recruiter"} & features


@pytest.fixture(scope="module")
def cresci_table(eval_data: Path) -> Table:
    return as_table(cresci.run(eval_data))


def test_cresci_meets_the_goal(cresci_table: Table) -> None:
    assert cresci_table[("5-fold stratified", "roc_auc")] >= 0.995  # measured 0.9999
    assert cresci_table[("5-fold stratified, no creation date", "roc_auc")] >= 0.995  # 0.9991
    assert cresci_table[("5-fold stratified", "tpr_at_1pct_fpr")] >= 0.98  # 0.9963
    assert cresci_table[("5-fold stratified", "brier")] <= 0.01  # 0.0039


def test_cresci_without_follow_counts(cresci_table: Table) -> None:
    # post counts and account age still separate bought followers (measured 0.9987)
    split = "5-fold stratified, no follower or following counts"
    assert cresci_table[(split, "roc_auc")] >= 0.99


def test_cresci_confound_does_not_carry_the_figure(cresci_table: Table) -> None:
    plain = cresci_table[("5-fold stratified, no creation date", "roc_auc")]
    geo = cresci_table[
        ("5-fold stratified, no creation date, plus geo_enabled (confound)", "roc_auc")
    ]
    assert abs(geo - plain) < 0.005


def test_instafake(eval_data: Path) -> None:
    table = as_table(instafake_suite.run(eval_data))
    assert table[("5-fold stratified", "pr_auc")] >= 0.93  # measured 0.952
    assert table[("5-fold stratified", "roc_auc")] >= 0.98  # measured 0.987


def test_cross_domain(eval_data: Path) -> None:
    table = as_table(cross_domain.run(eval_data))
    assert table[("train cresci2015, test instafake", "roc_auc")] >= 0.95  # measured 0.980
    assert table[("train instafake, test cresci2015", "roc_auc")] >= 0.95  # measured 0.991
    # reversed, the calibration does not carry: few fakes pass at 1% FPR (measured 0.17)
    assert table[("train instafake, test cresci2015", "tpr_at_1pct_fpr")] < 0.5
