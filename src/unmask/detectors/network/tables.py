"""Raw tables for the network SQL: the interchange format's flat columns, built from a Snapshot.

The same columns come from a folder of JSONL or Parquet files (``unmask.engine.sources``), so the
SQL never knows where its input came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from unmask.model import Snapshot
from unmask.model.records import RECORD_TYPES
from unmask.model.schema import ColumnKind, columns

#: The raw columns the network SQL reads, per record type.
RAW_COLUMNS: dict[str, tuple[str, ...]] = {
    "account": (
        "id", "created_at", "name", "about", "photo", "positions", "education",
        "verified_email", "verified_phone", "verified_workplace", "registration",
    ),
    "organisation": ("id", "name", "created_at", "sector", "verified", "domain"),
    "connection": ("source", "target", "created_at"),
    "invitation": ("id", "sender", "recipient", "sent_at", "note", "status"),
    "message": ("id", "sender", "recipient", "sent_at", "body"),
    "endorsement": ("endorser", "endorsee"),
}  # fmt: skip


def column_kind(kind: str, column: str) -> ColumnKind:
    return columns(RECORD_TYPES[kind])[column]


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _cell(value: Any, kind: ColumnKind) -> Any:
    if value is None:
        return None
    if kind == "datetime":
        return _iso(value)
    if kind == "json":
        return orjson.dumps(to_jsonable_python(value)).decode()
    if kind == "str":
        return str(getattr(value, "value", value))
    return value


def arrow_schema(kind: str) -> Any:
    import pyarrow as pa

    types = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([(c, types.get(column_kind(kind, c), pa.string())) for c in RAW_COLUMNS[kind]])


def arrow_table(kind: str, records: Iterable[BaseModel]) -> Any:
    """One raw table from records of ``kind`` (all RAW_COLUMNS, nested fields as JSON)."""
    import pyarrow as pa

    cols = RAW_COLUMNS[kind]
    kinds = [column_kind(kind, c) for c in cols]
    data: list[list[Any]] = [[] for _ in cols]
    for record in records:
        for j, (c, k) in enumerate(zip(cols, kinds, strict=True)):
            data[j].append(_cell(getattr(record, c), k))
    schema = arrow_schema(kind)
    return pa.table(
        {c: pa.array(d, type=schema.field(c).type) for c, d in zip(cols, data, strict=True)}
    )


def snapshot_tables(snapshot: Snapshot) -> dict[str, Any]:
    sources: dict[str, Sequence[BaseModel] | Iterable[BaseModel]] = {
        "account": snapshot.accounts.values(),
        "organisation": snapshot.organisations.values(),
        "connection": snapshot.connections,
        "invitation": snapshot.invitations,
        "message": snapshot.messages,
        "endorsement": snapshot.endorsements,
    }
    return {kind: arrow_table(kind, records) for kind, records in sources.items()}


def epoch_of(moment: datetime) -> int:
    return int(moment.timestamp())
