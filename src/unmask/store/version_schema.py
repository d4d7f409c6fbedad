"""The history of versioned records (``unmask.model.versions``): every version of every key."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, PrimaryKeyConstraint, String, Table, Text

from unmask.store.schema import metadata

record_versions = Table(
    "record_versions",
    metadata,
    Column("kind", String(40), nullable=False),
    Column("key", String(400), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(32), nullable=False),
    Column("observed_at", DateTime(timezone=True), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("content", Text, nullable=False),  # the record as JSON
    PrimaryKeyConstraint("kind", "key", "version", name="pk_record_versions"),
    Index("ix_record_versions_observed_at", "observed_at"),
)
