"""Profile features on hand-made fixtures: career plausibility, counts, missing values."""

from __future__ import annotations

import math
from datetime import timedelta

from conftest import ORGS, T0
from unmask.detectors.profile_career import title_seniority
from unmask.detectors.profile_features import (
    FEATURE_NAMES,
    FEATURE_SOURCES,
    features_without,
    profile_features,
)
from unmask.model import (
    Account,
    AccountStats,
    Connection,
    Education,
    Invitation,
    Position,
    Snapshot,
)
from unmask.model.enums import InvitationStatus

CAREER = Account(
    id="c1",
    created_at=T0 - timedelta(days=12),
    name="Sarah Lin",
    headline="Senior Recruiter | Global Talent Partners",
    positions=(
        Position(
            employer="Northwind Defence",
            organisation_id="o-nw",
            title="Engineer",
            start="2015-01",
            end="2019-12",
        ),
        Position(
            employer="Global Talent Partners", title="Director", start="2016-01", end="2018-06"
        ),
        Position(employer="Nowhere Ltd", title="Analyst", start="2020-05", end="2019-01"),
        Position(employer="Future Corp", title="Analyst", start="2027-01"),
    ),
    education=(Education(school="MIT", start="2010", end="2009"),),
)


def feats(account: Account, **snap: object) -> dict[str, float]:
    snapshot = Snapshot(accounts={account.id: account}, as_of=T0, **snap)  # type: ignore[arg-type]
    return profile_features(account, snapshot)


def test_every_feature_is_named_and_sourced() -> None:
    f = feats(CAREER, organisations=ORGS)
    assert tuple(f) == FEATURE_NAMES
    assert set(FEATURE_SOURCES) == set(FEATURE_NAMES)
    assert all(isinstance(v, float) for v in f.values())


def test_impossible_dates_and_overlaps() -> None:
    f = feats(CAREER, organisations=ORGS)
    # end before start (position and education) and a start in the future
    assert f["impossible_dates"] == 3.0
    # Northwind 2015-19 overlaps Global Talent 2016-18 by 2.5 years; Future Corp starts later
    assert f["overlapping_positions"] == 1.0
    assert f["account_age_days"] == 12.0


def test_employers_absent_from_the_platform() -> None:
    f = feats(CAREER, organisations=ORGS)
    assert f["n_employers"] == 4.0
    assert f["employers_off_platform"] == 3.0  # all but Northwind (matched by id)
    assert f["employers_off_platform_frac"] == 0.75
    by_name = CAREER.model_copy(update={"positions": (Position(employer="acme systems"),)})
    assert feats(by_name, organisations=ORGS)["employers_off_platform"] == 0.0
    # no organisation pages in the snapshot: unknown, not 0
    assert math.isnan(feats(CAREER)["employers_off_platform"])


def test_title_inflation() -> None:
    assert title_seniority("Chief Executive Officer") == 3
    assert title_seniority("Head of Talent") == 2
    assert title_seniority("Senior Engineer") == 1
    assert title_seniority("Engineer") == 0
    # a director one year after the first listed job
    assert feats(CAREER)["title_inflation"] == 1.0
    steady = CAREER.model_copy(
        update={
            "education": (),
            "positions": (
                Position(employer="A", title="Engineer", start="2005-01", end="2012-01"),
                Position(employer="B", title="Director", start="2012-02"),
            ),
        }
    )
    f = feats(steady)
    assert f["title_inflation"] == 0.0 and f["title_seniority"] == 2.0
    assert f["impossible_dates"] == 0.0 and f["overlapping_positions"] == 0.0


def test_no_career_is_unknown_not_zero() -> None:
    bare = Account(id="b", created_at=T0, name="B")
    f = feats(bare)
    for name in ("impossible_dates", "overlapping_positions", "career_years", "title_inflation"):
        assert math.isnan(f[name]), name
    for name in ("followers", "following", "posts", "connections", "invitations_sent"):
        assert math.isnan(f[name]), f"{name}: no stats and no graph must be NaN"
    assert f["n_positions"] == 0.0 and f["completeness"] == 0.0


def test_counts_from_stats_without_a_graph() -> None:
    a = Account(
        id="a",
        created_at=T0 - timedelta(days=100),
        name="A",
        stats=AccountStats(connections=40, followers=10, following=1000, posts=50),
    )
    f = feats(a)
    assert f["connections"] == 40.0 and f["posts_per_day"] == 0.5
    assert f["following_follower_ratio"] == math.log1p(1000) - math.log1p(10)
    partial = a.model_copy(update={"stats": AccountStats(followers=3)})
    g = feats(partial)
    assert g["followers"] == 3.0 and math.isnan(g["following"]) and math.isnan(g["posts"])
    assert math.isnan(g["following_follower_ratio"])
    assert math.isnan(g["posts_follower_ratio"]) and math.isnan(g["following_per_day"])


def test_platform_free_forms_do_not_depend_on_the_platform_scale() -> None:
    # the same behaviour at ten times the scale (a bigger platform) reads the same, except
    # for the log ratios' +1 smoothing; raw counts are left to the evidence sentences
    small = Account(
        id="s",
        created_at=T0 - timedelta(days=200),
        name="Anna Smith 12",
        headline="hi",
        stats=AccountStats(followers=100, following=1000, posts=400),
    )
    big = small.model_copy(
        update={"stats": AccountStats(followers=1000, following=10000, posts=4000)}
    )
    f, g = feats(small), feats(big)
    assert f["posts_per_day"] == 2.0 and f["followers_per_day"] == 0.5
    assert f["following_per_day"] == 5.0 and g["following_per_day"] == 50.0
    for name in ("following_follower_ratio", "posts_follower_ratio", "posts_following_ratio"):
        assert abs(f[name] - g[name]) < 0.02, name
    assert f["posts_follower_ratio"] == math.log1p(400) - math.log1p(100)
    assert f["name_digits_frac"] == 2 / 13 and f["has_headline"] == 1.0
    assert feats(small.model_copy(update={"headline": "  "}))["has_headline"] == 0.0


def test_counts_from_the_graph_when_present() -> None:
    a = Account(
        id="a", created_at=T0 - timedelta(days=10), name="A", stats=AccountStats(connections=999)
    )
    others = [Account(id=f"x{k}", created_at=T0, name="X") for k in range(4)]
    conns = [Connection(source="a", target="x0", created_at=T0)]
    invites = [
        Invitation(
            id=f"i{k}",
            sender="a",
            recipient=f"x{k}",
            sent_at=T0 - timedelta(days=1),
            status=InvitationStatus.ACCEPTED if k == 0 else InvitationStatus.IGNORED,
            responded_at=T0,
        )
        for k in range(4)
    ]
    snapshot = Snapshot(
        accounts={x.id: x for x in [a, *others]}, connections=conns, invitations=invites, as_of=T0
    )
    f = profile_features(a, snapshot)
    assert f["connections"] == 1.0, "the graph wins over platform-reported stats"
    assert f["invitations_sent"] == 4.0 and f["invitation_acceptance"] == 0.25
    assert f["invitations_per_day"] == 0.4
    quiet = profile_features(others[1], snapshot)
    assert quiet["invitations_sent"] == 0.0 and math.isnan(quiet["invitation_acceptance"])


def test_name_and_headline_patterns() -> None:
    f = feats(
        Account(
            id="n", created_at=T0, name="john_smith1987", headline="Hiring now! see www.example.com"
        )
    )
    assert f["name_digits"] == 4.0 and f["name_lowercase"] == 1.0 and f["name_tokens"] == 1.0
    assert f["name_nonletter_frac"] == 5 / 14
    assert f["headline_recruiter"] == 1.0 and f["headline_has_url"] == 1.0


def test_features_without_absent_fields() -> None:
    kept = features_without(frozenset({"created_at", "positions"}))
    assert "account_age_days" not in kept and "posts_per_day" not in kept
    assert "overlapping_positions" not in kept and "completeness" not in kept
    assert "followers" in kept and "name_len" in kept
