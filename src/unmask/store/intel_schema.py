"""Tables of the intelligence exchange: STIX context kept from imports (campaigns, intrusion sets,
relationships), and the TAXII client's resume point per feed.

They share ``unmask.store.schema.metadata`` (imported there) so migrations see them.
"""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, DateTime, String, Table, Text

from unmask.store.schema import metadata

_TS = DateTime(timezone=True)

intel_objects = Table(
    "intel_objects",
    metadata,
    Column("stix_id", String(200), primary_key=True),
    Column("type", String(60), nullable=False, index=True),
    Column("name", Text, nullable=True),
    Column("source", Text, nullable=False),
    Column("modified", String(40), nullable=True),
    Column("data", JSON, nullable=False),
    Column("imported_at", _TS, nullable=False),
)

taxii_cursors = Table(
    "taxii_cursors",
    metadata,
    Column("feed", String(600), primary_key=True),  # collection URL
    Column("added_after", String(40), nullable=True),
    Column("objects", BigInteger, nullable=False, default=0),
    Column("polled_at", _TS, nullable=False),
)
