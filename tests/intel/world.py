"""A small hand-made world for the intel tests: one campaign of three personas, genuine members,
and helpers to put records in a store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from unmask.ingest.validate import content_hash
from unmask.model import Account, PhotoRef, Position
from unmask.model.enums import LabelValue
from unmask.model.records import (
    Invitation,
    Label,
    Message,
    Organisation,
    ProfileView,
    RecordBase,
    Registration,
)
from unmask.store import Store

T0 = datetime(2026, 3, 1, tzinfo=UTC)
CAMPAIGN = "cmp-test0001"
PDQ_A = "e1" * 32
PDQ_B = "3c" * 32


def _near(pdq: str, flips: int) -> str:
    value = int(pdq, 16)
    for bit in range(0, flips * 7, 7):
        value ^= 1 << bit
    return f"{value:064x}"


def personas() -> list[Account]:
    reg = Registration(email_domain="gtp-talent.example", ip="203.0.113.45")
    return [
        Account(
            id="p1",
            created_at=T0 - timedelta(days=40),
            name="Sarah Lin",
            headline="Senior Recruiter | Global Talent Partners",
            photo=PhotoRef(pdq=PDQ_A),
            positions=(Position(employer="Global Talent Partners Ltd", title="Recruiter"),),
            registration=reg,
        ),
        Account(
            id="p2",
            created_at=T0 - timedelta(days=35),
            name="Daniel Wu",
            headline="Talent Partner",
            photo=PhotoRef(pdq=_near(PDQ_A, 6)),  # the same photo, re-encoded
            positions=(Position(employer="Global Talent Partners", title="Partner"),),
            registration=reg,
        ),
        Account(
            id="p3",
            created_at=T0 - timedelta(days=30),
            name="Emily Chen",
            headline="Think-tank fellow",
            photo=PhotoRef(pdq=PDQ_B),
            registration=Registration(email_domain="gmail.com"),
        ),
    ]


def genuine() -> list[Account]:
    return [
        Account(
            id=f"g{i}",
            created_at=T0 - timedelta(days=900 + i),
            name=name,
            headline="Engineer at Northwind Defence",
            photo=PhotoRef(pdq=f"{i:02x}" * 32),
            positions=(Position(employer="Northwind Defence", organisation_id="o1"),),
            registration=Registration(email_domain="northwind.example"),
        )
        for i, name in enumerate(
            ["Ada Example", "Brian Oduya", "Chloe Martin", "Dev Patel", "Erin Walsh"], start=1
        )
    ]


def org() -> Organisation:
    return Organisation(
        id="o1", name="Northwind Defence", created_at=T0 - timedelta(days=4000), verified=True
    )


def labels() -> list[Label]:
    return [
        Label(account_id=a.id, label=LabelValue.FAKE, source="review", at=T0, campaign=CAMPAIGN)
        for a in personas()
    ]


def activity() -> list[RecordBase]:
    return [
        Invitation(id="i1", sender="p1", recipient="g1", sent_at=T0, note="Impressed by you."),
        Message(
            id="m1",
            sender="p1",
            recipient="g1",
            sent_at=T0,
            body="My client pays well for a short report; write to s.lin@gtp-hr.example",
        ),
        ProfileView(id="v1", viewer="p2", viewed="g2", at=T0),
    ]


def put(store: Store, records: Sequence[RecordBase]) -> None:
    by_kind: dict[str, list[tuple[RecordBase, str]]] = {}
    for r in records:
        by_kind.setdefault(r.record_type, []).append((r, content_hash(r)))
    with store.engine.begin() as conn:
        for kind, items in by_kind.items():
            store.insert_records(conn, kind, items, T0)


def platform(store: Store, *, with_labels: bool) -> None:
    """The network as a platform sees it; ``with_labels`` adds our reviewers' conclusions."""
    put(store, [*personas(), *genuine(), org(), *activity()])
    if with_labels:
        put(store, labels())
