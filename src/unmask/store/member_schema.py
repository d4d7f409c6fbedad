"""Tables of the member side: organisations that enrol their staff (identifiers kept only as
HMACs), the users of each organisation's security team, and member alerts.

They share ``unmask.store.schema.metadata`` (imported there) so migrations see them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Table, Text

from unmask.store.schema import metadata

_TS = DateTime(timezone=True)

orgs = Table(
    "orgs",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("created_at", _TS, nullable=False),
)

org_staff = Table(
    "org_staff",
    metadata,
    Column("org_id", String(64), ForeignKey("orgs.id"), primary_key=True),
    Column("ident_hash", String(64), primary_key=True),
    Column("added_at", _TS, nullable=False),
)

org_users = Table(
    "org_users",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("org_id", String(64), ForeignKey("orgs.id"), nullable=False, index=True),
)

member_alerts = Table(
    "member_alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("account_id", String(400), nullable=False, index=True),
    Column("kind", String(80), nullable=False),
    Column("message", Text, nullable=False),
    Column("advice", Text, nullable=False),
    Column("created_at", _TS, nullable=False),
    Column("acknowledged", Boolean, nullable=False, default=False),
)

#: Reports from the public report button that carry no verified member identity (or name an
#: account not on the platform): triage input for analysts, never a Report record, so they open
#: no case, change no priority and touch no reporter's track record.
member_triage = Table(
    "member_triage",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reported", String(200), nullable=False, index=True),
    Column("reason", String(40), nullable=False),
    Column("text", Text, nullable=False),
    Column("verified_reporter", String(200), nullable=True),
    Column("received_at", _TS, nullable=False),
)
