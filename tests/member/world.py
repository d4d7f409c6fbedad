"""A small hand-made world for the member-side tests: a defence employer with staff, a campaign
persona (front firm with no staff, photo shared with another persona, new and unverified) and
a genuine engineer. Everything here is invented for the tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from unmask.model import (
    Account,
    Connection,
    Invitation,
    Login,
    Organisation,
    PhotoRef,
    Position,
    Snapshot,
)
from unmask.model.enums import InvitationStatus, Sector

T0 = datetime(2026, 3, 1, tzinfo=UTC)
PHOTO = PhotoRef(sha256="b" * 64, pdq="c" * 64)

PERSONA_MESSAGES = (
    "Dear Ada, I came across your profile and was impressed by your experience at Northwind.",
    "My client would like a short report of 8 pages on avionics, and pays 3000 USD for it. "
    "Long-term cooperation is possible.",
    "This site is not convenient for me. Could we continue on WhatsApp? My number is +44 700 1234.",
)
GENUINE_MESSAGES = ("Good to meet you at the avionics conference last week. Let's keep in touch.",)


def persona_json() -> dict[str, Any]:
    return {
        "id": "persona-1",
        "created_at": (T0 - timedelta(days=20)).isoformat(),
        "name": "Helen Marsh",
        "headline": "Senior Talent Partner | Meridian Strategic Advisory",
        "about": "Connecting policy minds.",
        "photo": PHOTO.model_dump(exclude_none=True),
        "positions": [
            {
                "employer": "Meridian Strategic Advisory",
                "organisation_id": "org-front",
                "title": "Senior Talent Partner",
                "start": "2025-12",
            }
        ],
    }


def genuine_json() -> dict[str, Any]:
    return {
        "id": "eng-1",
        "created_at": (T0 - timedelta(days=2400)).isoformat(),
        "name": "Ben Carter",
        "headline": "Systems engineer at Northwind Defence",
        "location": "Bristol",
        "about": "Systems engineer working on integration and test for a decade, keen cyclist.",
        "photo": {"sha256": "d" * 64},
        "positions": [
            {
                "employer": "Northwind Defence",
                "organisation_id": "org-nw",
                "title": "Engineer",
                "start": "2016-01",
            },
            {"employer": "Acme", "title": "Graduate", "start": "2012-09", "end": "2015-12"},
        ],
        "education": [{"school": "University of Bristol", "degree": "MEng", "end": "2012"}],
        "skills": ["systems engineering"],
        "verified_email": True,
        "verified_workplace": True,
    }


def staff(i: int) -> Account:
    return Account(
        id=f"staff-{i}",
        created_at=T0 - timedelta(days=1500 + i),
        name=f"Staff Member {i}",
        headline="Engineer",
        positions=(Position(employer="Northwind Defence", organisation_id="org-nw", title="Eng"),),
        verified_email=True,
    )


def world() -> Snapshot:
    orgs = [
        Organisation(
            id="org-nw",
            name="Northwind Defence",
            created_at=T0 - timedelta(days=5000),
            sector=Sector.DEFENCE,
            verified=True,
        ),
        Organisation(
            id="org-front",
            name="Meridian Strategic Advisory",
            created_at=T0 - timedelta(days=60),
            sector=Sector.CONSULTING,
        ),
    ]
    twin = Account.model_validate({**persona_json(), "id": "persona-2", "name": "Sarah Lin"})
    accounts = [
        Account.model_validate(persona_json()),
        twin,
        Account.model_validate(genuine_json()),
        *(staff(i) for i in range(12)),
    ]
    connections = [
        Connection(source="eng-1", target=f"staff-{i}", created_at=T0 - timedelta(days=300))
        for i in range(12)
    ]
    invitations = [
        Invitation(
            id=f"inv-{i}",
            sender="persona-1" if i % 2 == 0 else "persona-2",
            recipient=f"staff-{i}",
            sent_at=T0 - timedelta(days=10 - i % 5),
            note="Impressed by your profile. I have a well-paid consulting opportunity.",
            status=InvitationStatus.PENDING,
        )
        for i in range(6)
    ]
    return Snapshot(
        accounts={a.id: a for a in accounts},
        organisations={o.id: o for o in orgs},
        connections=connections,
        invitations=invitations,
        logins=list(logins()),
        as_of=T0,
    )


def logins() -> list[Login]:
    """Spraying from one address over staff, then a success; normal logins for eng-1."""
    out = [
        Login(
            id=f"spray-{i}",
            account_id=f"staff-{i}",
            at=T0 - timedelta(minutes=60 - i),
            ip="198.51.100.7",
            success=False,
        )
        for i in range(12)
    ]
    out.append(
        Login(
            id="spray-ok",
            account_id="staff-3",
            at=T0 - timedelta(minutes=30),
            ip="198.51.100.7",
            success=True,
        )
    )
    out += [
        Login(
            id=f"eng-{i}",
            account_id="eng-1",
            at=T0 - timedelta(days=i),
            ip="192.0.2.10",
            success=True,
        )
        for i in range(1, 5)
    ]
    return out
