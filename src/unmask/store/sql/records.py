"""Interchange records on SQLAlchemy (the ingest hot path stays in ``unmask.store.store``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection as Conn
from sqlalchemy import delete, func, or_, select, true

from unmask.model import severance
from unmask.model.records import RECORD_TYPES, Connection, Invitation, RecordBase
from unmask.model.review import utc
from unmask.model.schema import columns
from unmask.model.severance import REINSTATE, SEVER, in_force
from unmask.model.versions import RecordVersion
from unmask.store.review_schema import actions
from unmask.store.schema import RECORD_TABLES
from unmask.store.sql import versions as _versions
from unmask.store.store import _sqlite_insert, prepare_row, record_row

_CONN = RECORD_TABLES["connection"]
_INV = RECORD_TABLES["invitation"]
_IN = 900  # under SQLite's bound-parameter limit


class SqlRecords:
    def __init__(self, conn: Conn) -> None:
        self.conn = conn

    def _read(self, kind: str, where: object, order: object) -> list[RecordBase]:
        table, model = RECORD_TABLES[kind], RECORD_TYPES[kind]
        fields = list(columns(model))
        stmt = select(*(table.c[f] for f in fields)).where(where).order_by(order)  # type: ignore[arg-type]
        return [
            model.model_validate({f: v for f, v in zip(fields, row, strict=True) if v is not None})
            for row in self.conn.execute(stmt)
        ]

    def get(self, kind: str, key: str) -> RecordBase | None:
        table = RECORD_TABLES[kind]
        found = self._read(kind, table.c.key == key, table.c.key)
        return found[0] if found else None

    def page(self, kind: str, after: str | None, limit: int) -> list[RecordBase]:
        table, model = RECORD_TABLES[kind], RECORD_TYPES[kind]
        fields = list(columns(model))
        stmt = select(*(table.c[f] for f in fields)).order_by(table.c.key).limit(limit)
        if after is not None:
            stmt = stmt.where(table.c.key > after)
        return [
            model.model_validate({f: v for f, v in zip(fields, row, strict=True) if v is not None})
            for row in self.conn.execute(stmt)
        ]

    def count(self, kind: str) -> int:
        stmt = select(func.count()).select_from(RECORD_TABLES[kind])
        return int(self.conn.execute(stmt).scalar_one())

    def matching(self, kind: str, column: str, values: Iterable[str]) -> list[RecordBase]:
        table = RECORD_TABLES[kind]
        wanted = sorted(set(values))
        out: list[RecordBase] = []
        for i in range(0, len(wanted), _IN):
            out.extend(self._read(kind, table.c[column].in_(wanted[i : i + _IN]), table.c.key))
        return sorted({r.key(): r for r in out}.values(), key=lambda r: r.key())

    def all(self, kind: str) -> list[RecordBase]:
        table = RECORD_TABLES[kind]
        return self._read(kind, true(), table.c.key)

    def add_new(self, items: Sequence[tuple[RecordBase, str]], now: datetime) -> int:
        by_kind: dict[str, dict[str, tuple[RecordBase, str]]] = {}
        for record, digest in items:
            by_kind.setdefault(record.record_type, {}).setdefault(record.key(), (record, digest))
        added = 0
        for kind, todo in by_kind.items():
            known = self.hashes(kind, sorted(todo))
            fresh = [(r, h) for k, (r, h) in todo.items() if k not in known]
            if fresh and self.conn.dialect.name == "sqlite":  # the ingest fast path
                rows = [prepare_row(r, h, now, sqlite=True) for r, h in fresh]
                self.conn.exec_driver_sql(_sqlite_insert(kind)[0], rows)
            elif fresh:
                rows = [record_row(r, h, now) for r, h in fresh]
                self.conn.execute(RECORD_TABLES[kind].insert(), rows)
            added += len(fresh)
        return added

    def _column(self, kind: str, column: str, keys: Sequence[str]) -> list[tuple[str, Any]]:
        table = RECORD_TABLES[kind]
        wanted = sorted(set(keys))
        out: list[tuple[str, Any]] = []
        for i in range(0, len(wanted), _IN):
            stmt = select(table.c.key, table.c[column]).where(table.c.key.in_(wanted[i : i + _IN]))
            out.extend((str(k), v) for k, v in self.conn.execute(stmt))
        return out

    def values(self, kind: str, column: str, keys: Sequence[str]) -> dict[str, Any]:
        if column not in columns(RECORD_TYPES[kind]):
            raise KeyError(f"{kind} has no field {column!r}")
        return dict(self._column(kind, column, keys))

    def hashes(self, kind: str, keys: Sequence[str]) -> dict[str, str]:
        return {k: str(v) for k, v in self._column(kind, "content_hash", keys)}

    def added_at(self, kind: str, keys: Sequence[str]) -> dict[str, datetime]:
        return {k: utc(v) or v for k, v in self._column(kind, "ingested_at", keys)}

    def delete(self, kind: str, keys: Sequence[str]) -> int:
        table = RECORD_TABLES[kind]
        wanted = sorted(set(keys))
        gone = 0
        for i in range(0, len(wanted), _IN):
            stmt = delete(table).where(table.c.key.in_(wanted[i : i + _IN]))
            gone += int(self.conn.execute(stmt).rowcount)
        return gone

    def replace(self, record: RecordBase, digest: str, now: datetime) -> None:
        table = RECORD_TABLES[record.record_type]
        self.conn.execute(delete(table).where(table.c.key == record.key()))
        self.conn.execute(table.insert().values(record_row(record, digest, now)))

    def history(self, kind: str, keys: Sequence[str]) -> dict[str, list[RecordVersion]]:
        return _versions.history(self.conn, kind, keys)

    def add_versions(self, versions: Sequence[RecordVersion], now: datetime) -> None:
        _versions.add_versions(self.conn, versions, now)

    def changed_keys(self, kind: str) -> list[str]:
        return _versions.changed_keys(self.conn, kind)

    def severed(self) -> frozenset[str]:
        a = actions
        stmt = select(a.c.id, a.c.kind, a.c.subject).where(a.c.kind.in_((SEVER, REINSTATE)))
        return in_force((int(i), str(k), str(s)) for i, k, s in self.conn.execute(stmt))

    def connections_of(self, account_id: str) -> list[Connection]:
        where = or_(_CONN.c.source == account_id, _CONN.c.target == account_id)
        found = [
            c for c in self._read("connection", where, _CONN.c.key) if isinstance(c, Connection)
        ]
        kept = severance.connections(found, self.severed())
        return sorted(kept, key=lambda c: (c.source, c.target))

    def connection_count(self, account_id: str) -> int:
        if self.severed():
            return len(self.connections_of(account_id))
        where = or_(_CONN.c.source == account_id, _CONN.c.target == account_id)
        return int(self.conn.execute(select(func.count()).where(where)).scalar_one())

    def delete_connections_of(self, account_id: str) -> int:
        where = or_(_CONN.c.source == account_id, _CONN.c.target == account_id)
        return int(self.conn.execute(delete(_CONN).where(where)).rowcount)

    def pending_invitations_of(self, account_id: str) -> list[Invitation]:
        where = (or_(_INV.c.sender == account_id, _INV.c.recipient == account_id)) & (
            _INV.c.status == "pending"
        )
        found = [
            i for i in self._read("invitation", where, _INV.c.key) if isinstance(i, Invitation)
        ]
        read = severance.invitations(found, self.severed())
        return sorted((i for i in read if i.status.value == "pending"), key=lambda i: i.id)
