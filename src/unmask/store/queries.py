"""Small typed reads of stored records through the `Records` interface."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from unmask.model.records import RecordBase
from unmask.store.interface import Records

R = TypeVar("R", bound=RecordBase)


def records_in(records: Records, model: type[R], column: str, values: Iterable[str]) -> list[R]:
    """Records of one type whose ``column`` is one of ``values``, by key."""
    found = records.matching(model.record_type, column, values)
    return [r for r in found if isinstance(r, model)]


def records_either(
    records: Records, model: type[R], columns: tuple[str, str], value: str
) -> list[R]:
    """Records of one type with ``value`` in either of two columns (sender or recipient), by key."""
    found = {r.key(): r for c in columns for r in records_in(records, model, c, [value])}
    return [found[k] for k in sorted(found)]


def all_records(records: Records, model: type[R]) -> list[R]:
    return [r for r in records.all(model.record_type) if isinstance(r, model)]
