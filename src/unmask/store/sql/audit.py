"""The hash-chained audit log on SQLAlchemy."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from pydantic_core import to_jsonable_python
from sqlalchemy import Connection, Text, select, text, type_coerce

from unmask.model.audit import GENESIS, ChainedEvent, Event, chain
from unmask.model.review import utc
from unmask.store.review_schema import audit_events

_PG_LOCK = 0x756E6D61  # "unma": serialises appends on PostgreSQL


def _chained(r: Any) -> ChainedEvent:
    """A stored row as a chained event; a row that cannot be decoded is returned marked, so
    verification names it instead of failing with a traceback."""
    problem = ""
    payload: dict[str, Any] = {}
    raw = r["raw_payload"]
    try:
        decoded = json.loads(raw) if isinstance(raw, str | bytes) else (raw or {})
        if not isinstance(decoded, dict):
            raise ValueError("the payload is not a JSON object")
        payload = decoded
    except ValueError as exc:
        problem = f"its payload is not valid JSON ({exc})"
    at = utc(r["at"]) if isinstance(r["at"], datetime) else None
    if at is None:
        problem = problem or f"its time {r['at']!r} is not a time"
    return ChainedEvent(
        Event(
            seq=int(r["seq"]),
            at=at or datetime.fromtimestamp(0, UTC),
            actor=str(r["actor"]),
            kind=str(r["kind"]),
            reason=str(r["reason"]),
            policy_version=str(r["policy_version"]),
            case_id=r["case_id"],
            subject=r["subject"],
            payload=payload,
        ),
        str(r["prev_hash"]),
        str(r["hash"]),
        problem,
    )


class SqlAudit:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def append(
        self,
        *,
        actor: str,
        kind: str,
        reason: str,
        policy_version: str,
        case_id: int | None = None,
        subject: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> ChainedEvent:
        conn = self.conn
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        last = conn.execute(
            select(audit_events.c.seq, audit_events.c.hash)
            .order_by(audit_events.c.seq.desc())
            .limit(1)
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

    def events(
        self, after: int = 0, case_id: int | None = None, limit: int = 2000
    ) -> list[ChainedEvent]:
        raw_payload = type_coerce(audit_events.c.payload, Text).label("raw_payload")
        cols = [c for c in audit_events.c if c.name != "payload"]
        stmt = select(*cols, raw_payload).where(audit_events.c.seq > after)
        if case_id is not None:
            stmt = stmt.where(audit_events.c.case_id == case_id)
        rows = self.conn.execute(stmt.order_by(audit_events.c.seq).limit(limit)).mappings()
        return [_chained(r) for r in rows]
