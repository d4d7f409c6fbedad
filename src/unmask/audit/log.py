"""The audit log in the store: append-only, hash-chained, verifiable and exportable. Events are
appended inside a unit of work (``uow.audit.append``), with whatever they record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import orjson

from unmask.model.audit import ChainedEvent, Head, Verification, utc_text, verify_chain
from unmask.store.interface import Audit, DataStore


def append(audit: Audit, **event: Any) -> ChainedEvent:
    """Add one event at the head of the chain, in the unit of work ``audit`` belongs to."""
    return audit.append(**event)


def iter_events(
    store: DataStore, case_id: int | None = None, batch: int = 2000
) -> Iterator[ChainedEvent]:
    after = 0
    while True:
        with store.unit_of_work() as uow:
            rows = uow.audit.events(after, case_id, batch)
        if not rows:
            return
        yield from rows
        after = rows[-1].event.seq


def verify(store: DataStore, saved: Head | None = None) -> Verification:
    """Check the whole chain (and, given a head saved earlier, that it still passes through it)."""
    return verify_chain(iter_events(store), saved)


def head(store: DataStore) -> Head:
    """The newest event's place in the chain, to keep outside the store."""
    result = verify_chain(iter_events(store))
    return Head(result.head_seq, result.head)


def event_dict(item: ChainedEvent) -> dict[str, Any]:
    e = item.event
    return {
        "seq": e.seq,
        "at": utc_text(e.at),
        "actor": e.actor,
        "kind": e.kind,
        "reason": e.reason,
        "policy_version": e.policy_version,
        "case_id": e.case_id,
        "subject": e.subject,
        "payload": e.payload,
        "prev_hash": item.prev_hash,
        "hash": item.hash,
    }


def export(store: DataStore, out: IO[bytes]) -> int:
    """Write every event as one JSON line (with its hashes); returns how many."""
    n = 0
    for item in iter_events(store):
        out.write(orjson.dumps(event_dict(item)) + b"\n")
        n += 1
    return n
