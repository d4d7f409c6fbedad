"""The hash-chained audit log on SQLAlchemy."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic_core import to_jsonable_python
from sqlalchemy import Connection, select, text

from unmask.model.audit import GENESIS, ChainedEvent, Event, chain
from unmask.model.review import utc
from unmask.store.review_schema import audit_events

_PG_LOCK = 0x756E6D61  # "unma": serialises appends on PostgreSQL


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
        stmt = select(audit_events).where(audit_events.c.seq > after)
        if case_id is not None:
            stmt = stmt.where(audit_events.c.case_id == case_id)
        rows = self.conn.execute(stmt.order_by(audit_events.c.seq).limit(limit)).mappings()
        return [
            ChainedEvent(
                Event(
                    seq=int(r["seq"]),
                    at=utc(r["at"]) or r["at"],
                    actor=r["actor"],
                    kind=r["kind"],
                    reason=r["reason"],
                    policy_version=r["policy_version"],
                    case_id=r["case_id"],
                    subject=r["subject"],
                    payload=dict(r["payload"] or {}),
                ),
                r["prev_hash"],
                r["hash"],
            )
            for r in rows
        ]
