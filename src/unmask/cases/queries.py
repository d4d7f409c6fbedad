"""Small typed reads of stored records, shared by the review code."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, select

from unmask.model.records import RECORD_TYPES, RecordBase
from unmask.model.schema import columns
from unmask.store.schema import RECORD_TABLES

R = TypeVar("R", bound=RecordBase)
_CHUNK = 900


def records_where(
    conn: Connection, model: type[R], *where: ColumnElement[bool], limit: int | None = None
) -> list[R]:
    kind = model.record_type
    table = RECORD_TABLES[kind]
    fields = list(columns(RECORD_TYPES[kind]))
    stmt = select(*(table.c[f] for f in fields)).where(*where).order_by(table.c.key)
    if limit is not None:
        stmt = stmt.limit(limit)
    out: list[R] = []
    for row in conn.execute(stmt):
        data: dict[str, Any] = {f: v for f, v in zip(fields, row, strict=True) if v is not None}
        out.append(model.model_validate(data))
    return out


def records_in(conn: Connection, model: type[R], column: str, values: Iterable[str]) -> list[R]:
    """Records whose ``column`` is one of ``values`` (chunked under SQLite's parameter limit)."""
    table = RECORD_TABLES[model.record_type]
    wanted: Sequence[str] = sorted(set(values))
    out: list[R] = []
    for i in range(0, len(wanted), _CHUNK):
        out.extend(records_where(conn, model, table.c[column].in_(wanted[i : i + _CHUNK])))
    return out


def table(model: type[RecordBase]) -> Any:
    return RECORD_TABLES[model.record_type]
