"""The audit log in the store: append-only, hash-chained, verifiable and exportable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any

import orjson
from pydantic_core import to_jsonable_python
from sqlalchemy import Connection, RowMapping, select, text

from unmask.audit.chain import (
    GENESIS,
    ChainedEvent,
    Event,
    Verification,
    chain,
    utc_text,
    verify_chain,
)
from unmask.store import Store
from unmask.store.review_schema import audit_events

_PG_LOCK = 0x756E6D61  # "unma": serialises appends on PostgreSQL


def append(
    conn: Connection,
    *,
    actor: str,
    kind: str,
    reason: str,
    policy_version: str,
    case_id: int | None = None,
    subject: str | None = None,
    payload: dict[str, Any] | None = None,
) -> ChainedEvent:
    """Add one event at the head of the chain, inside the caller's transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
    last = conn.execute(
        select(audit_events.c.seq, audit_events.c.hash).order_by(audit_events.c.seq.desc()).limit(1)
    ).first()
    seq, prev = (int(last.seq) + 1, str(last.hash)) if last else (1, GENESIS)
    event = Event(
        seq=seq,
        at=datetime.now(UTC),
        actor=actor,
        kind=kind,
        reason=reason,
        policy_version=policy_version,
        case_id=case_id,
        subject=subject,
        payload=to_jsonable_python(payload or {}),
    )
    item = chain(prev, event)
    conn.execute(
        audit_events.insert().values(
            seq=seq,
            at=event.at,
            actor=actor,
            kind=kind,
            case_id=case_id,
            subject=subject,
            reason=reason,
            policy_version=policy_version,
            payload=event.payload,
            prev_hash=prev,
            hash=item.hash,
        )
    )
    return item


def _from_row(row: RowMapping) -> ChainedEvent:
    event = Event(
        seq=int(row["seq"]),
        at=row["at"],
        actor=row["actor"],
        kind=row["kind"],
        reason=row["reason"],
        policy_version=row["policy_version"],
        case_id=row["case_id"],
        subject=row["subject"],
        payload=dict(row["payload"] or {}),
    )
    return ChainedEvent(event, row["prev_hash"], row["hash"])


def iter_events(
    store: Store, case_id: int | None = None, batch: int = 2000
) -> Iterator[ChainedEvent]:
    after = 0
    while True:
        stmt = select(audit_events).where(audit_events.c.seq > after)
        if case_id is not None:
            stmt = stmt.where(audit_events.c.case_id == case_id)
        with store.connect() as conn:
            rows = conn.execute(stmt.order_by(audit_events.c.seq).limit(batch)).mappings().all()
        if not rows:
            return
        for row in rows:
            yield _from_row(row)
        after = int(rows[-1]["seq"])


def verify(store: Store) -> Verification:
    return verify_chain(iter_events(store))


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


def export(store: Store, out: IO[bytes]) -> int:
    """Write every event as one JSON line (with its hashes); returns how many."""
    n = 0
    for item in iter_events(store):
        out.write(orjson.dumps(event_dict(item)) + b"\n")
        n += 1
    return n
