"""A small hand-made world for the live tests (synthetic: no real people)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from unmask.formats import write_records
from unmask.live.events import LiveEvent
from unmask.model import (
    Account,
    Invitation,
    Message,
    Organisation,
    Position,
    ProfileView,
    Registration,
    Snapshot,
)
from unmask.model.enums import Sector, ViewSource

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ORGS = (
    Organisation(id="o-def", name="Northwind Defence", created_at=T0, sector=Sector.DEFENCE),
    Organisation(id="o-gov", name="Ministry of Examples", created_at=T0, sector=Sector.GOVERNMENT),
    Organisation(id="o-ret", name="Corner Shop Ltd", created_at=T0, sector=Sector.RETAIL),
)


def member(i: int) -> Account:
    """m000001 ... : a third at a defence firm, a third in government, a third in retail."""
    org = ORGS[i % 3]
    return Account(
        id=f"m{i:06d}",
        created_at=T0 - timedelta(days=900),
        name=f"Member {i}",
        positions=(Position(employer=org.name, organisation_id=org.id, title="Engineer"),),
        verified_email=True,
    )


MEMBERS = tuple(member(i) for i in range(1, 301))


def world() -> Snapshot:
    return Snapshot(
        accounts={a.id: a for a in MEMBERS},
        organisations={o.id: o for o in ORGS},
        as_of=T0,
    )


def write_world(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_records(folder / "accounts.jsonl", "account", MEMBERS)
    write_records(folder / "organisations.jsonl", "organisation", ORGS)


def signup(i: int, ip: str = "203.0.113.7", at: datetime = T0) -> Account:
    return Account(
        id=f"new{i}",
        created_at=at,
        name=f"New Person {i}",
        registration=Registration(ip=ip, email_domain="mail.example", user_agent="UA/1"),
    )


def invitation(
    i: int, sender: str, recipient: str, note: str = "", minutes: float = 0
) -> Invitation:
    return Invitation(
        id=f"inv{i}", sender=sender, recipient=recipient, note=note,
        sent_at=T0 + timedelta(minutes=minutes),
    )  # fmt: skip


def message(i: int, sender: str, recipient: str, body: str, minutes: float = 0) -> Message:
    return Message(
        id=f"msg{i}", sender=sender, recipient=recipient, body=body,
        sent_at=T0 + timedelta(minutes=minutes),
    )  # fmt: skip


def view(
    i: int,
    viewer: str | None,
    viewed: str,
    seconds: float,
    source: ViewSource = ViewSource.PROFILE,
    ip: str | None = None,
) -> ProfileView:
    return ProfileView(
        id=f"pv{i}", viewer=viewer, viewed=viewed, at=T0 + timedelta(seconds=seconds),
        source=source, ip=ip,
    )  # fmt: skip


def events(records: Sequence[Account | Invitation | Message | ProfileView]) -> list[LiveEvent]:
    kinds = {Account: "signup", Invitation: "invitation", Message: "message"}
    return [LiveEvent(kinds.get(type(r), "profile_view"), r) for r in records]  # type: ignore[arg-type]
