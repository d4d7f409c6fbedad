"""The console test world plus what the campaign and organisation pages need: a genuine member
of 2011 whose photo campaign A's personas use (a possible victim), two organisations with their
staff enrolled and a partner user each, and a report filed by the second organisation's staff."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.console import world
from tests.console.conftest import PASSWORD, ROLES

from unmask.auth import create_user
from unmask.engine import run_scan
from unmask.ingest.validate import content_hash
from unmask.model.enums import ReportReason
from unmask.model.records import Account, Connection, PhotoRef, Position, RecordBase, Report
from unmask.org.repo import create_org, enrol, link_user
from unmask.scoring import load_policy
from unmask.settings import Settings
from unmask.store import Store

VICTIM = "m900"
NORTHWIND = [f"m{i:03d}" for i in range(20)]  # Northwind Defence's staff
HELIX = [f"m{i:03d}" for i in range(35, 43)]  # Helix Pharma's staff


def extra() -> list[RecordBase]:
    victim = Account(
        id=VICTIM,
        created_at=datetime(2011, 3, 4, tzinfo=UTC),
        name="Grace Holt",
        headline="Policy adviser at Ministry of Transport",
        location="London",
        about="Transport policy since 2011.",
        photo=PhotoRef(sha256="c" * 64, pdq="c" * 64),
        positions=(
            Position(employer="Ministry of Transport", organisation_id="o-gov", start="2011-01"),
        ),
        verified_email=True,
        verified_workplace=True,
    )
    links = [
        Connection(source=VICTIM, target=f"m{i:03d}", created_at=world.T0 - timedelta(days=900))
        for i in (20, 21, 22)
    ]
    report = Report(
        id="r-helix",
        reporter=HELIX[1],
        reported="fa2",
        reason=ReportReason.FAKE_PROFILE,
        created_at=world.T0 - timedelta(days=1),
        text="Recruiter asked about our trial data.",
    )
    return [victim, *links, report]


def make(path: Path) -> Store:
    url = f"sqlite:///{path / 'unmask.db'}"
    st = Store(url, Settings(data_dir=path, database_url=url))
    st.migrate()
    world.load(st)
    with st.unit_of_work() as uow:
        uow.records.add_new([(r, content_hash(r)) for r in extra()], datetime.now(UTC))
    run_scan(st, load_policy(), ["sparse_profile", "shared_photo"])
    for name, role in ROLES.items():
        create_user(st, name, role, PASSWORD)
    for org, staff, partner in (
        ("Northwind Defence", NORTHWIND, "pat"),
        ("Helix Pharma", HELIX, "phil"),
    ):
        org_id = create_org(st, org)
        enrol(st, org_id, staff)
        link_user(st, org_id, create_user(st, partner, "partner", PASSWORD)[0].id)
    return st
