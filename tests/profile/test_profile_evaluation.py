"""The profile-model suites on the third-party data (skipped when ../shared/data is absent).

The thresholds sit a little below what was measured (docs/profile-model.md), so a regression in
the features or the model fails here; they are not targets the model was tuned to.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from unmask.evaluation.adapters import cresci2015, instafake
from unmask.evaluation.profile import cresci, in_source, source_out
from unmask.evaluation.profile import instafake as instafake_suite
from unmask.evaluation.profile.common import as_table
from unmask.plugins import load_plugins

SUITE_MODULES = [m.__name__ for m in load_plugins().suites]

Table = Mapping[tuple[str, str], float]


def test_suites_are_registered() -> None:
    for module in (source_out, cresci, instafake_suite, in_source):
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
    assert {"following_follower_ratio", "posts_follower_ratio", "has_photo"} <= features
    assert {"name_digits_frac", "has_headline"} <= features
    # no age, no placeholder text, no platform-scaled raw counts
    assert not {"account_age_days", "name_lowercase", "headline_recruiter"} & features
    assert not {"followers", "following", "posts", "name_len", "headline_len"} & features


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


def test_in_source_newer_twitter_sets(eval_data: Path) -> None:
    rows = in_source.run(eval_data)
    roc = {(r.detector, r.split): r.value for r in rows if r.metric == "roc_auc"}
    ours = {s.split(",")[0]: v for (d, s), v in roc.items() if d == "profile_model"}
    assert ours["cresci2017"] >= 0.97  # measured 0.9898 (GB 0.9932)
    assert ours["botometer_feedback_2019"] >= 0.80  # measured 0.8321 (GB 0.8230)
    assert ours["vendor_verified_2019"] >= 0.99  # measured 0.9967 (GB 0.9962)
    assert {d for d, _ in roc} == {"profile_model", "gradient_boosting_reference"}
