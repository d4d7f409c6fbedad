"""The live decisions table: every online decision, its outcome and whether a scan overturned it.

Window state is not here: it lives in Redis (``unmask.workers.redis_windows``), see docs/live.md.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Float, Index, Integer, String, Table

from unmask.store.schema import metadata

live_decisions = Table(
    "live_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_key", String(400), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("subject", String(400), nullable=False),
    Column("target", String(400), nullable=True),
    Column("decision", String(20), nullable=False),
    Column("risk", Float, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("features", JSON, nullable=False),
    Column("policy_version", String(60), nullable=False),
    Column("source", String(20), nullable=False),
    Column("event_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=False),
    Column("outcome", String(30), nullable=True),
    Column("outcome_at", DateTime(timezone=True), nullable=True),
    Column("overturned_scan", Integer, nullable=True),
    Column("overturned_route", String(40), nullable=True),
    Column("overturned_risk", Float, nullable=True),
    Index("ix_live_decisions_subject", "subject"),
    Index("ix_live_decisions_decision", "decision"),
)
