"""The history of versioned records on SQLAlchemy (``record_versions``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError

from unmask.model.records import RECORD_TYPES
from unmask.model.review import utc
from unmask.model.versions import RecordVersion, in_order
from unmask.store.interface import ConflictError
from unmask.store.version_schema import record_versions

_V = record_versions

_IN = 900  # under SQLite's bound-parameter limit


def history(conn: Connection, kind: str, keys: Sequence[str]) -> dict[str, list[RecordVersion]]:
    model, wanted = RECORD_TYPES[kind], sorted(set(keys))
    out: dict[str, list[RecordVersion]] = {}
    for i in range(0, len(wanted), _IN):
        stmt = select(_V).where((_V.c.kind == kind) & _V.c.key.in_(wanted[i : i + _IN]))
        for r in conn.execute(stmt):
            observed = utc(r.observed_at) or r.observed_at
            record = model.model_validate_json(r.content)
            version = RecordVersion(kind, r.key, int(r.version), r.content_hash, observed, record)
            out.setdefault(str(r.key), []).append(version)
    return {k: in_order(v) for k, v in out.items()}


def add_versions(conn: Connection, versions: Sequence[RecordVersion], now: datetime) -> None:
    if versions:
        rows = [
            {
                "kind": v.kind,
                "key": v.key,
                "version": v.version,
                "content_hash": v.content_hash,
                "observed_at": v.observed_at.astimezone(UTC),
                "ingested_at": now,
                "content": v.record.model_dump_json(),
            }
            for v in versions
        ]
        try:
            conn.execute(_V.insert(), rows)
        except IntegrityError as exc:
            raise ConflictError("a version of one of these records is stored already") from exc


def changed_keys(conn: Connection, kind: str) -> list[str]:
    stmt = (
        select(_V.c.key)
        .where(_V.c.kind == kind)
        .group_by(_V.c.key)
        .having(func.count() > 1)
        .order_by(_V.c.key)
    )
    return [str(k) for (k,) in conn.execute(stmt)]
