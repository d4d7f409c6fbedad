"""Small hand-made profiles for the profile-model tests (no real data)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from unmask.model import Account, AccountStats, Organisation, PhotoRef, Position, Snapshot
from unmask.model.enums import Sector

T0 = datetime(2026, 1, 1, tzinfo=UTC)
ORGS = {
    o.id: o
    for o in (
        Organisation(
            id="o-nw",
            name="Northwind Defence",
            created_at=T0 - timedelta(days=4000),
            sector=Sector.DEFENCE,
        ),
        Organisation(id="o-ac", name="Acme Systems", created_at=T0 - timedelta(days=4000)),
    )
}


HEADLINES = (
    "Engineer at Northwind Defence",
    "Senior Recruiter | Global Talent Partners",
    "Consultant",
    "",
)


def _genuine(k: int, rng: random.Random) -> Account:
    start = 2005 + rng.randrange(8)
    return Account(
        id=f"g{k}",
        created_at=T0 - timedelta(days=rng.randrange(700, 4000)),
        name=rng.choice(["Ada Lovelace", "Grace Hopper", "Alan Turing", "Mary Jackson"]),
        headline=rng.choice(HEADLINES),
        location=rng.choice(["Bristol", ""]),
        about="Systems engineer." * rng.randrange(0, 5),
        photo=PhotoRef(sha256=f"{k:064x}") if rng.random() < 0.85 else None,
        positions=(
            Position(
                employer="Acme Systems",
                title="Engineer",
                start=f"{start}-01",
                end=f"{start + 4}-12",
            ),
            Position(
                employer="Northwind Defence",
                organisation_id="o-nw",
                title=rng.choice(["Senior Engineer", "Engineer", "Director"]),
                start=f"{start + 5}-02",
            ),
        ),
        verified_email=rng.random() < 0.9,
        verified_phone=rng.random() < 0.5,
        stats=AccountStats(followers=rng.randrange(50, 900), following=rng.randrange(20, 400)),
    )


def _fake(k: int, rng: random.Random) -> Account:
    return Account(
        id=f"f{k}",
        created_at=T0 - timedelta(days=rng.randrange(1, 900)),
        name=rng.choice(["Sarah Lin", "Emily Chen", "sarah lin"]),
        headline=rng.choice(HEADLINES[1:]),
        location=rng.choice(["London", ""]),
        photo=PhotoRef(sha256=f"{k:064x}") if rng.random() < 0.6 else None,
        positions=(
            Position(employer="Global Talent Partners", title="Managing Director", start="2024-01"),
            Position(employer="Horizon Insight Consulting", title="Partner", start="2024-06"),
        ),
        verified_email=rng.random() < 0.2,
        stats=AccountStats(followers=rng.randrange(0, 300), following=rng.randrange(100, 2000)),
    )


def synthetic_labelled(n: int = 240, seed: int = 7) -> tuple[Snapshot, dict[str, bool]]:
    """Synthetic plumbing data: ``n`` accounts, a third fake, with noisy, overlapping traits."""
    rng = random.Random(seed)
    accounts = [_fake(k, rng) if k % 3 == 0 else _genuine(k, rng) for k in range(n)]
    snapshot = Snapshot(accounts={a.id: a for a in accounts}, organisations=ORGS, as_of=T0)
    return snapshot, {a.id: a.id.startswith("f") for a in accounts}


@pytest.fixture(scope="session")
def synthetic() -> tuple[Snapshot, dict[str, bool]]:
    return synthetic_labelled()


@pytest.fixture(scope="session")
def trained(synthetic: tuple[Snapshot, dict[str, bool]]) -> object:
    from unmask.detectors.profile_model import ProfileModel

    snapshot, labels = synthetic
    return ProfileModel(n_estimators=60).fit(snapshot, labels)
