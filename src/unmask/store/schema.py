"""The relational schema. Record tables are derived from the interchange models, so the format and
the store cannot drift apart (a test runs Alembic's autogenerate check against the migrations)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from unmask.model.records import RECORD_TYPES
from unmask.model.schema import ColumnKind, columns

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    }
)

_TYPES: dict[ColumnKind, Any] = {
    "str": Text,
    "bool": Boolean,
    "int": BigInteger,
    "float": Float,
    "datetime": DateTime(timezone=True),
    "json": JSON,
}

#: Columns worth an index, per record type: the joins detectors and the console make.
_INDEXED: dict[str, tuple[str, ...]] = {
    "connection": ("source", "target"),
    "invitation": ("sender", "recipient"),
    "message": ("sender", "recipient"),
    "login": ("account_id", "ip"),
    "report": ("reported", "reporter"),
    "profile_view": ("viewer", "viewed"),
    "endorsement": ("endorser", "endorsee"),
    "indicator": ("kind",),
    "label": ("account_id",),
}


def table_name(kind: str) -> str:
    return f"{kind}s"


def _record_table(kind: str) -> Table:
    model = RECORD_TYPES[kind]
    name = table_name(kind)
    cols: list[Column[object]] = [
        Column("key", String(400), primary_key=True),
        Column("content_hash", String(32), nullable=False),
        Column("ingested_at", DateTime(timezone=True), nullable=False),
    ]
    for field, ckind in columns(model).items():
        cols.append(Column(field, _TYPES[ckind], nullable=True))
    indexes = [Index(f"ix_{name}_{c}", c) for c in _INDEXED.get(kind, ())]
    return Table(name, metadata, *cols, *indexes)


RECORD_TABLES: dict[str, Table] = {kind: _record_table(kind) for kind in RECORD_TYPES}

ingest_files = Table(
    "ingest_files",
    metadata,
    Column("file_id", String(64), primary_key=True),
    Column("path", Text, nullable=False),
    Column("kind", String(40), nullable=True),
    Column("status", String(16), nullable=False),
    Column("lines_done", BigInteger, nullable=False, default=0),
    Column("accepted", BigInteger, nullable=False, default=0),
    Column("quarantined", BigInteger, nullable=False, default=0),
    Column("present", BigInteger, nullable=False, default=0),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("file_id", String(64), ForeignKey("ingest_files.file_id"), nullable=False),
    Column("path", Text, nullable=False),
    Column("line", BigInteger, nullable=False),
    Column("record_type", String(40), nullable=True),
    Column("field", Text, nullable=True),
    Column("error", Text, nullable=False),
    Column("raw", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("file_id", "line", "field", name="uq_quarantine_file_line_field"),
)

scans = Table(
    "scans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("engine", String(20), nullable=False),
    Column("policy_version", String(60), nullable=False),
    Column("detectors", JSON, nullable=False),
    Column("status", String(16), nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", Integer, ForeignKey("scans.id"), nullable=False, index=True),
    Column("subject", String(400), nullable=False),
    Column("subject_kind", String(20), nullable=False),
    Column("detector", String(80), nullable=False),
    Column("version", String(40), nullable=False),
    Column("score", Float, nullable=True),
    Column("reason", Text, nullable=False, default=""),
    Column("evidence", JSON, nullable=False),
    UniqueConstraint("scan_id", "subject", "detector", name="uq_findings_scan_subject_detector"),
    Index("ix_findings_subject", "subject"),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", Integer, ForeignKey("scans.id"), nullable=False, index=True),
    Column("subject", String(400), nullable=False),
    Column("subject_kind", String(20), nullable=False),
    Column("risk", Float, nullable=False),
    Column("route", String(40), nullable=False),
    Column("policy_version", String(60), nullable=False),
    UniqueConstraint("scan_id", "subject", name="uq_assessments_scan_subject"),
    Index("ix_assessments_subject", "subject"),
    Index("ix_assessments_risk", "risk"),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("label", String(120), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
)

# The review and enforcement tables live in their own module on the same metadata.
from unmask.store import campaign_schema as _campaign_schema  # noqa: E402, F401
from unmask.store import intel_schema as _intel_schema  # noqa: E402, F401
from unmask.store import live_schema as _live_schema  # noqa: E402, F401
from unmask.store import member_schema as _member_schema  # noqa: E402, F401
from unmask.store import review_schema as _review_schema  # noqa: E402, F401
from unmask.store import version_schema as _version_schema  # noqa: E402, F401
