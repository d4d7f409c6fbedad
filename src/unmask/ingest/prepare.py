"""The CPU-bound half of ingest: parse, validate, hash and convert a batch of rows.

Pure (no database access), so it can run in a worker process beside the writer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from unmask.formats import RawRow, read_rows
from unmask.ingest.validate import canonical_json, digest_of, validate_row
from unmask.model.records import RecordBase
from unmask.model.versions import VERSIONED
from unmask.store.store import prepare_row, sqlite_stamp


@dataclass(frozen=True, slots=True)
class Item:
    line: int
    key: str
    digest: str
    row: Any
    canonical: bytes
    record: RecordBase | None = None  # kept for versioned types only (``model.versions``)


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    field: str
    error: str
    raw: str


@dataclass
class Prepared:
    last_line: int
    items: dict[str, list[Item]] = field(default_factory=dict)
    bad: list[BadRow] = field(default_factory=list)


def _raw(row: RawRow) -> str:
    if row.text is not None:
        return row.text[:10_000]
    return orjson.dumps(row.data, default=str).decode()[:10_000]


def prepare_batch(rows: Sequence[RawRow], kind: str | None, sqlite: bool) -> Prepared:
    now = datetime.now(UTC)
    stamp: datetime | str = sqlite_stamp(now) if sqlite else now
    out = Prepared(last_line=rows[-1].line)
    for row in rows:
        if row.data is None:
            out.bad.append(BadRow(row.line, "", row.error or "unreadable row", _raw(row)))
            continue
        record, problems = validate_row(dict(row.data), kind)
        if record is None:
            out.bad.extend(BadRow(row.line, p.field or "", p.message, _raw(row)) for p in problems)
            continue
        canonical = canonical_json(record)
        digest = digest_of(canonical)
        prepared = prepare_row(record, digest, stamp, sqlite)
        kept = record if record.record_type in VERSIONED else None
        item = Item(row.line, record.key(), digest, prepared, canonical, kept)
        out.items.setdefault(record.record_type, []).append(item)
    return out


def prepared_batches(
    path: Path, start: int, kind: str | None, sqlite: bool, batch_size: int
) -> Iterator[Prepared]:
    """Prepared batches of a file after line ``start`` (raises FormatError if unreadable)."""
    batch: list[RawRow] = []
    for row in read_rows(path, start=start):
        batch.append(row)
        if len(batch) >= batch_size:
            yield prepare_batch(batch, kind, sqlite)
            batch = []
    if batch:
        yield prepare_batch(batch, kind, sqlite)
