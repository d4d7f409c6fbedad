"""Tables of human review and enforcement: cases, decisions, appeals, actions, notifications,
the enforcement state of accounts, console sessions and the hash-chained audit log.

They share ``unmask.store.schema.metadata`` (imported there) so migrations see them.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from unmask.store.schema import metadata

_TS = DateTime(timezone=True)

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject", String(400), nullable=False, index=True),
    Column("generation", Integer, nullable=False, default=1),
    Column("source", String(20), nullable=False),
    Column("scan_id", Integer, nullable=True),
    Column("campaign", String(80), nullable=True, index=True),
    Column("risk", Float, nullable=False),
    Column("exposure", Float, nullable=False, default=0.0),
    Column("report_score", Float, nullable=False, default=0.0),
    Column("priority", Float, nullable=False, index=True),
    Column("route", String(20), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("outcome", String(20), nullable=True),
    Column("policy_version", String(60), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("opened_at", _TS, nullable=False),
    Column("updated_at", _TS, nullable=False),
    Column("closed_at", _TS, nullable=True),
    UniqueConstraint("subject", "generation", name="uq_cases_subject_generation"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
    Column("action", String(20), nullable=False),
    Column("scope", String(20), nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("status", String(20), nullable=False),
    Column("second_actor", String(120), nullable=True),
    Column("second_reason", Text, nullable=True),
    Column("policy_version", String(60), nullable=False),
    Column("created_at", _TS, nullable=False),
    Column("resolved_at", _TS, nullable=True),
)

appeals = Table(
    "appeals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("filed_by", String(120), nullable=False),
    Column("filed_at", _TS, nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("resolved_at", _TS, nullable=True),
)

enforcement = Table(
    "enforcement",
    metadata,
    Column("account_id", String(400), primary_key=True),
    Column("state", String(20), nullable=False),
    Column("case_id", Integer, nullable=True),
    Column("updated_at", _TS, nullable=False),
)

actions = Table(
    "actions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=True, index=True),
    Column("decision_id", Integer, nullable=True),
    Column("kind", String(20), nullable=False),
    Column("subject", String(400), nullable=False, index=True),
    Column("status", String(20), nullable=False),
    Column("detail", JSON, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("at", _TS, nullable=False),
)

notifications = Table(
    "notifications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=True, index=True),
    Column("member", String(400), nullable=False, index=True),
    Column("about", String(400), nullable=False),
    Column("channel", String(40), nullable=False),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("error", Text, nullable=True),
    Column("created_at", _TS, nullable=False),
    Column("sent_at", _TS, nullable=True),
    UniqueConstraint("member", "about", name="uq_notifications_member_about"),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", _TS, nullable=False),
    Column("actor", String(120), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("case_id", Integer, nullable=True, index=True),
    Column("subject", String(400), nullable=True),
    Column("reason", Text, nullable=False),
    Column("policy_version", String(60), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("prev_hash", String(64), nullable=False, unique=True),
    Column("hash", String(64), nullable=False),
)

console_sessions = Table(
    "console_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", _TS, nullable=False),
    Column("expires_at", _TS, nullable=False),
)
