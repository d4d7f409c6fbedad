"""Record versions: a keyed record whose content changes is a new version, not a conflict.

The current record tables keep the latest version of each key (by observation time); the history
keeps every version with its content hash and the time it was observed: the record's own update
time where the format has one (``Account.updated_at``, ``Label.at``), else the ingest batch time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from unmask.model.records import Account, Label, RecordBase

#: Record types whose changes are meaningful and kept as versions. Other types (connections,
#: messages, invitations, ...) are events: the same key with other content stays a conflict.
VERSIONED: frozenset[str] = frozenset({"account", "organisation", "label"})


@dataclass(frozen=True)
class RecordVersion:
    kind: str
    key: str
    version: int  # 1, 2, ... in the order the versions arrived
    content_hash: str
    observed_at: datetime  # UTC
    record: RecordBase


def observed_time(record: RecordBase) -> datetime | None:
    """The record's own observation time, if its format carries one."""
    if isinstance(record, Account):
        return record.updated_at
    if isinstance(record, Label):
        return record.at
    return None


def in_order(versions: list[RecordVersion]) -> list[RecordVersion]:
    """Oldest observation first; versions observed at the same time in arrival order."""
    return sorted(versions, key=lambda v: (v.observed_at, v.version))
