"""Sort one batch of a versioned record type into new, updated, already present.

A key seen for the first time is accepted as version 1. Content equal to any stored version of
its key is already present (re-ingesting an export, or an older one, adds nothing). New content is
a new version in the history; it becomes the current record only if it was observed no earlier
than the current one, so an older export ingested after a newer one never overwrites it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from unmask.ingest.prepare import Item
from unmask.model.records import RecordBase
from unmask.model.versions import RecordVersion, in_order, observed_time
from unmask.store.interface import Records, UnitOfWork


@dataclass
class Sorted:
    new_rows: list[Any] = field(default_factory=list)
    current: list[tuple[RecordBase, str]] = field(default_factory=list)  # replace these
    versions: list[RecordVersion] = field(default_factory=list)  # add to the history
    updated: int = 0
    present: int = 0


def sort_versions(
    uow: UnitOfWork, kind: str, items: Sequence[Item], now: datetime, observed: datetime | None
) -> Sorted:
    """``observed`` (the export's time, if the caller knows it) beats the batch time ``now``
    for records that carry no time of their own."""
    out = Sorted()
    current = uow.records.hashes(kind, [i.key for i in items])
    changed = sorted({i.key for i in items if current.get(i.key, i.digest) != i.digest})
    history = uow.records.history(kind, changed) if changed else {}
    for key in changed:
        if key not in history:  # stored before versions were kept: the stored row is version 1
            history[key] = [_first(uow, kind, key, current[key])]
            out.versions.extend(history[key])
    for item in items:
        assert item.record is not None, "versioned items carry their record"
        seen = history.get(item.key)
        when = observed_time(item.record) or observed or now
        if seen is None:
            if item.key in current:
                out.present += 1
                continue
            first = RecordVersion(kind, item.key, 1, item.digest, when, item.record)
            history[item.key], current[item.key] = [first], item.digest
            out.new_rows.append(item.row)
            out.versions.append(first)
            continue
        if any(v.content_hash == item.digest for v in seen):
            out.present += 1
            continue
        version = max(v.version for v in seen) + 1
        added = RecordVersion(kind, item.key, version, item.digest, when, item.record)
        latest = in_order(seen)[-1]
        history[item.key] = [*seen, added]
        out.versions.append(added)
        out.updated += 1
        if when >= latest.observed_at:
            out.current.append((item.record, item.digest))
    return out


def _first(uow: UnitOfWork, kind: str, key: str, digest: str) -> RecordVersion:
    record = uow.records.get(kind, key)
    assert record is not None, f"{kind} {key!r} has a content hash but no row"
    added = uow.records.added_at(kind, [key])[key]
    return RecordVersion(kind, key, 1, digest, observed_time(record) or added, record)


def keep(uow_records: Records, record: RecordBase, digest: str, now: datetime) -> bool:
    """Write one versioned record outside ingest (a reviewer's label): a new version in the
    history, current if observed no earlier than the current one. False when already present."""
    kind, key = record.record_type, record.key()
    stored = uow_records.hashes(kind, [key]).get(key)
    when = observed_time(record) or now
    if stored is None:
        uow_records.add_new([(record, digest)], now)
        uow_records.add_versions([RecordVersion(kind, key, 1, digest, when, record)], now)
        return True
    seen = uow_records.history(kind, [key]).get(key)
    if not seen:
        current = uow_records.get(kind, key)
        assert current is not None, f"{kind} {key!r} has a content hash but no row"
        added = uow_records.added_at(kind, [key])[key]
        seen = [RecordVersion(kind, key, 1, stored, observed_time(current) or added, current)]
        uow_records.add_versions(seen, now)
    if any(v.content_hash == digest for v in seen):
        return False
    version = max(v.version for v in seen) + 1
    uow_records.add_versions([RecordVersion(kind, key, version, digest, when, record)], now)
    if when >= in_order(seen)[-1].observed_at:
        uow_records.replace(record, digest, now)
    return True
