"""A small hand-made network: a real office's sign-up batch, a fake burst with a front company,
a targeted approach and a benign one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from unmask.model import (
    Account,
    Invitation,
    Message,
    Organisation,
    PhotoRef,
    Position,
    Registration,
    Snapshot,
)
from unmask.model.enums import InvitationStatus, Sector

T0 = datetime(2026, 1, 1, tzinfo=UTC)
UA = "Mozilla/5.0 (X11; Linux x86_64)"


def _acct(i: str, employer: str, org: str | None, ip: str, days: float, **kw: object) -> Account:
    return Account(
        id=i,
        created_at=T0 - timedelta(days=days),
        name=f"Member {i}",
        positions=(Position(employer=employer, organisation_id=org, title="Engineer"),),
        registration=Registration(ip=ip, user_agent=UA, email_domain=kw.pop("domain", "gmail.com")),
        **kw,
    )


@pytest.fixture(scope="module")
def network() -> Snapshot:
    orgs = [
        Organisation(id="nw", name="Northwind Defence", created_at=T0 - timedelta(days=4000),
                     sector=Sector.DEFENCE, verified=True, domain="northwind.example"),
        Organisation(id="front", name="Northwind Defence Group", created_at=T0 - timedelta(days=90),
                     sector=Sector.CONSULTING),
        Organisation(id="shop", name="Corner Shop", created_at=T0 - timedelta(days=3000),
                     sector=Sector.RETAIL, verified=True),
    ]  # fmt: skip
    accounts = [
        _acct(f"office{k}", "Northwind Defence", "nw", f"10.0.0.{k}", 400 + k / 24,
              verified_workplace=True, domain="northwind.example")
        for k in range(4)
    ] + [
        _acct(f"fake{k}", "Northwind Defence Group", "front", f"66.1.2.{k}", 20 + k / 24,
              photo=PhotoRef(pdq="f0" * 32))
        for k in range(4)
    ] + [
        _acct(f"staff{k}", "Northwind Defence", "nw", f"192.168.{k}.1", 900 + 40 * k,
              verified_workplace=True)
        for k in range(12)
    ] + [
        _acct(f"shopper{k}", "Corner Shop", "shop", f"172.16.{k}.1", 800 + 40 * k)
        for k in range(12)
    ] + [
        _acct("loner", "Nowhere Ltd", None, "8.8.8.8", 300),
        Account(id="bare", created_at=T0 - timedelta(days=10), name="Bare"),
    ]  # fmt: skip
    invitations = [
        Invitation(id=f"f{k}", sender="fake0", recipient=f"staff{k}",
                   sent_at=T0 - timedelta(days=10 - k / 2),
                   note="Your career is remarkable. I have a well-paid opportunity for you.",
                   status=InvitationStatus.IGNORED if k % 4 else InvitationStatus.ACCEPTED,
                   responded_at=T0)
        for k in range(12)
    ] + [
        Invitation(id=f"s{k}", sender="shopper0", recipient=f"shopper{k}",
                   sent_at=T0 - timedelta(days=200 - k),
                   status=InvitationStatus.ACCEPTED, responded_at=T0)
        for k in range(1, 12)
    ]  # fmt: skip
    messages = [
        Message(id="m1", sender="fake0", recipient="staff0", sent_at=T0 - timedelta(days=5),
                body="Hello, lovely to connect."),
        Message(id="m2", sender="fake0", recipient="staff0", sent_at=T0 - timedelta(days=4),
                body="My client pays $3000 for a short report. Shall we continue on WhatsApp?"),
    ]  # fmt: skip
    return Snapshot(
        accounts={a.id: a for a in accounts},
        organisations={o.id: o for o in orgs},
        invitations=invitations,
        messages=messages,
        as_of=T0,
    )
