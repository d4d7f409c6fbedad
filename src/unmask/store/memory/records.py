"""Interchange records in memory."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from pydantic_core import to_jsonable_python

from unmask.model import severance
from unmask.model.records import RECORD_TYPES, Connection, Invitation, RecordBase
from unmask.model.schema import columns
from unmask.model.versions import RecordVersion, in_order
from unmask.store.interface import ConflictError
from unmask.store.memory.state import State


def _text(record: RecordBase, column: str) -> str | None:
    if column == "key":
        return record.key()
    value = getattr(record, column, None)
    return None if value is None else str(getattr(value, "value", value))


class MemoryRecords:
    def __init__(self, state: State) -> None:
        self.state = state

    def _kind(self, kind: str) -> dict[str, tuple[RecordBase, str]]:
        return self.state.records.setdefault(kind, {})

    def get(self, kind: str, key: str) -> RecordBase | None:
        found = self._kind(kind).get(key)
        return found[0] if found else None

    def page(self, kind: str, after: str | None, limit: int) -> list[RecordBase]:
        keys = sorted(k for k in self._kind(kind) if after is None or k > after)[:limit]
        return [self._kind(kind)[k][0] for k in keys]

    def count(self, kind: str) -> int:
        return len(self._kind(kind))

    def matching(self, kind: str, column: str, values: Iterable[str]) -> list[RecordBase]:
        wanted = set(values)
        table = self._kind(kind)
        return [table[k][0] for k in sorted(table) if _text(table[k][0], column) in wanted]

    def all(self, kind: str) -> list[RecordBase]:
        table = self._kind(kind)
        return [table[k][0] for k in sorted(table)]

    def add_new(self, items: Sequence[tuple[RecordBase, str]], now: datetime) -> int:
        added = 0
        for record, digest in items:
            table = self._kind(record.record_type)
            if record.key() not in table:
                table[record.key()] = (record, digest)
                self.state.added.setdefault(record.record_type, {})[record.key()] = now
                added += 1
        return added

    def values(self, kind: str, column: str, keys: Sequence[str]) -> dict[str, Any]:
        if column not in columns(RECORD_TYPES[kind]):
            raise KeyError(f"{kind} has no field {column!r}")
        table = self._kind(kind)
        return {k: to_jsonable_python(getattr(table[k][0], column)) for k in keys if k in table}

    def hashes(self, kind: str, keys: Sequence[str]) -> dict[str, str]:
        table = self._kind(kind)
        return {k: table[k][1] for k in keys if k in table}

    def added_at(self, kind: str, keys: Sequence[str]) -> dict[str, datetime]:
        return {k: self.state.added[kind][k] for k in keys if k in self._kind(kind)}

    def delete(self, kind: str, keys: Sequence[str]) -> int:
        table, gone = self._kind(kind), 0
        for k in set(keys):
            gone += table.pop(k, None) is not None
        return gone

    def replace(self, record: RecordBase, digest: str, now: datetime) -> None:
        self._kind(record.record_type)[record.key()] = (record, digest)
        self.state.added.setdefault(record.record_type, {})[record.key()] = now

    def history(self, kind: str, keys: Sequence[str]) -> dict[str, list[RecordVersion]]:
        stored = self.state.versions.get(kind, {})
        return {k: in_order(list(stored[k])) for k in set(keys) if k in stored}

    def add_versions(self, versions: Sequence[RecordVersion], now: datetime) -> None:
        for v in versions:
            kept = self.state.versions.setdefault(v.kind, {}).setdefault(v.key, [])
            if any(k.version == v.version for k in kept):
                raise ConflictError(f"version {v.version} of {v.kind} {v.key!r} is stored already")
            kept.append(v)

    def changed_keys(self, kind: str) -> list[str]:
        return sorted(k for k, v in self.state.versions.get(kind, {}).items() if len(v) > 1)

    def severed(self) -> frozenset[str]:
        return severance.of_actions(self.state.actions.values())

    def _connections(self, account_id: str) -> dict[str, Connection]:
        return {
            k: r
            for k, (r, _) in self._kind("connection").items()
            if isinstance(r, Connection) and account_id in (r.source, r.target)
        }

    def connections_of(self, account_id: str) -> list[Connection]:
        found = severance.connections(self._connections(account_id).values(), self.severed())
        return sorted(found, key=lambda c: (c.source, c.target))

    def connection_count(self, account_id: str) -> int:
        return len(self.connections_of(account_id))

    def delete_connections_of(self, account_id: str) -> int:
        gone = self._connections(account_id)
        for key in gone:
            del self._kind("connection")[key]
        return len(gone)

    def pending_invitations_of(self, account_id: str) -> list[Invitation]:
        found = [
            r
            for r, _ in self._kind("invitation").values()
            if isinstance(r, Invitation) and account_id in (r.sender, r.recipient)
        ]
        read = severance.invitations(found, self.severed())
        return sorted((i for i in read if i.status.value == "pending"), key=lambda i: i.id)
