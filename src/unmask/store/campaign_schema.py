"""The campaigns a scan found: linked flagged accounts, how they are linked, whom they approached.

A campaign's assessment (subject_kind "campaign") is the row itself: ``risk``, ``route`` and
``policy_version``; its finding (detector ``campaign_links``) is in ``findings`` under ``key``.
It is kept out of ``assessments``, which lists accounts (the API and the review queue read it).
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Float, ForeignKey, Integer, String, Table, UniqueConstraint

from unmask.store.schema import metadata

campaigns = Table(
    "campaigns",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", Integer, ForeignKey("scans.id"), nullable=False, index=True),
    Column("key", String(80), nullable=False, index=True),
    Column("size", Integer, nullable=False),
    Column("risk", Float, nullable=False),
    Column("route", String(40), nullable=False),
    Column("policy_version", String(60), nullable=False),
    Column("members", JSON, nullable=False),
    Column("links", JSON, nullable=False),
    Column("targets", JSON, nullable=False),
    Column("n_targets", Integer, nullable=False),
    Column("n_sensitive_targets", Integer, nullable=False),
    UniqueConstraint("scan_id", "key", name="uq_campaigns_scan_key"),
)
