"""A small hand-made network with two hostile campaigns, for the review and console tests.

Seventy genuine members in sensitive and ordinary sectors; campaign A is three "recruiters" of
an unverified front firm sharing one photo (Sarah Lin approaches 60 members and holds 55
connections, so removing her needs four eyes); campaign B is two think-tank "fellows".
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta

from unmask.ingest.validate import content_hash
from unmask.model.enums import InvitationStatus, ReportReason, Sector
from unmask.model.records import (
    Account,
    Connection,
    Education,
    Invitation,
    Message,
    Organisation,
    PhotoRef,
    Position,
    RecordBase,
    Registration,
    Report,
)
from unmask.store import Store, record_row

T0 = datetime(2026, 11, 1, tzinfo=UTC)
ORGS = [
    ("o-def", "Northwind Defence", Sector.DEFENCE, 20),
    ("o-gov", "Ministry of Transport", Sector.GOVERNMENT, 15),
    ("o-pha", "Helix Pharma", Sector.PHARMACEUTICALS, 8),
    ("o-aer", "Skyline Aerospace", Sector.AEROSPACE, 5),
    ("o-tec", "Aster Analytics", Sector.TECHNOLOGY, 10),
    ("o-ret", "Brightside Retail", Sector.RETAIL, 7),
    ("o-aca", "University of Kent", Sector.ACADEMIA, 5),
]
FIRST = ["Ada", "Ben", "Cara", "Dev", "Ema", "Finn", "Gita", "Hugo", "Iris", "Jon", "Kai", "Lea"]
LAST = ["Moss", "Nash", "Okafor", "Patel", "Quinn", "Reid", "Shah", "Teo", "Usman", "Vance"]


def _hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _genuine(i: int, org: tuple[str, str, Sector, int]) -> Account:
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
    return Account(
        id=f"m{i:03d}",
        created_at=T0 - timedelta(days=800 + 17 * i),
        name=name,
        headline=f"Engineer at {org[1]}",
        location="Bristol",
        about="Fifteen years of systems work, teams and delivery in a regulated environment.",
        photo=PhotoRef(sha256=_hex(f"photo{i}"), pdq=_hex(f"pdq{i}")),
        positions=(
            Position(employer=org[1], organisation_id=org[0], title="Engineer", start="2018-01"),
            Position(employer="Acme Ltd", title="Graduate", start="2012-09", end="2017-12"),
        ),
        education=(Education(school="University of Bath", degree="MEng", end="2012"),),
        verified_email=True,
    )


def _persona(pid: str, name: str, title: str, employer: str, photo: str, age: int) -> Account:
    return Account(
        id=pid,
        created_at=T0 - timedelta(days=age),
        name=name,
        headline=f"{title} | {employer}",
        location="London",
        photo=PhotoRef(sha256=photo * 64, pdq=photo * 64),
        positions=(Position(employer=employer, title=title, start="2026-01"),),
        registration=Registration(email_domain="gtp-careers.com", country="GB"),
    )


NOTE = "Impressed by your profile. I have a well-paid consulting opportunity for you."
PITCH = (
    "Our client in Asia pays $2,500 for a short report on your programme's plans. "
    "Shall we continue on WhatsApp?"
)


def build() -> list[RecordBase]:
    rng = random.Random(5)
    orgs = [
        Organisation(id=o, name=n, sector=s, created_at=T0 - timedelta(days=5000), verified=True)
        for o, n, s, _ in ORGS
    ]
    orgs += [
        Organisation(
            id="o-gtp",
            name="Global Talent Partners",
            sector=Sector.RECRUITING,
            created_at=T0 - timedelta(days=40),
        ),
        Organisation(
            id="o-csf",
            name="Centre for Strategic Futures",
            sector=Sector.THINK_TANK,
            created_at=T0 - timedelta(days=60),
        ),
    ]
    members: list[Account] = []
    for org in ORGS:
        for _ in range(org[3]):
            members.append(_genuine(len(members), org))
    links = {(members[i].id, members[(i + 1) % len(members)].id) for i in range(len(members))}
    for _ in range(90):
        a, b = rng.sample(members, 2)
        links.add((min(a.id, b.id), max(a.id, b.id)))
    records: list[RecordBase] = [*orgs, *members]
    records += [
        Connection(source=a, target=b, created_at=T0 - timedelta(days=300))
        for a, b in sorted(links)
    ]
    personas = [
        (
            _persona("fa1", "Sarah Lin", "Senior Recruiter", "Global Talent Partners", "c", 24),
            60,
            55,
        ),
        (_persona("fa2", "Emma Zhou", "Talent Partner", "Global Talent Partners", "c", 21), 12, 6),
        (_persona("fa3", "Lucy Wang", "Headhunter", "Global Talent Partners", "c", 18), 8, 2),
        (
            _persona(
                "fb1", "Mark Ellison", "Senior Fellow", "Centre for Strategic Futures", "d", 15
            ),
            10,
            4,
        ),
        (
            _persona(
                "fb2", "Anna Reyes", "Research Fellow", "Centre for Strategic Futures", "d", 12
            ),
            6,
            1,
        ),
    ]
    sensitive = [
        m for m in members if m.positions[0].organisation_id in ("o-def", "o-gov", "o-aer")
    ]
    others = [m for m in members if m not in sensitive]
    for persona, n_invites, n_accepted in personas:
        records.append(persona)
        pool = sensitive + others[: max(0, n_invites - len(sensitive))]
        targets = pool[:n_invites] if persona.id == "fa1" else rng.sample(pool, n_invites)
        for k, target in enumerate(targets):
            sent = persona.created_at + timedelta(hours=6 + 7 * k)
            accepted = k < n_accepted
            records.append(
                Invitation(
                    id=f"{persona.id}-i{k}",
                    sender=persona.id,
                    recipient=target.id,
                    sent_at=sent,
                    note=NOTE,
                    status=InvitationStatus.ACCEPTED if accepted else InvitationStatus.PENDING,
                    responded_at=sent + timedelta(hours=5) if accepted else None,
                )
            )
            if accepted:
                records.append(
                    Connection(
                        source=persona.id, target=target.id, created_at=sent + timedelta(hours=5)
                    )
                )
            if accepted and k % 9 == 0:
                records.append(
                    Message(
                        id=f"{persona.id}-m{k}",
                        sender=persona.id,
                        recipient=target.id,
                        sent_at=sent + timedelta(days=2),
                        body=PITCH,
                    )
                )
    records += [
        Report(
            id=f"r{k}",
            reporter=members[k].id,
            reported="fa1",
            reason=ReportReason.FAKE_PROFILE,
            created_at=T0 - timedelta(days=3 - k),
            text="Asked me for non-public plans.",
        )
        for k in range(2)
    ]
    return records


def load(store: Store) -> None:
    now = datetime.now(UTC)
    by_kind: dict[str, list[RecordBase]] = {}
    for r in build():
        by_kind.setdefault(r.record_type, []).append(r)
    with store.engine.begin() as conn:
        for kind, rows in by_kind.items():
            store.insert_rows(conn, kind, [record_row(r, content_hash(r), now) for r in rows])
