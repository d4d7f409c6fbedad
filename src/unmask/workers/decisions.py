"""Live decisions in the store: idempotent saves, outcomes, listing, and the nightly overturn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from unmask.live.decide import PERMISSIVE, Decision
from unmask.live.events import LiveEvent
from unmask.store import Store
from unmask.store.live_schema import live_decisions
from unmask.store.schema import assessments

T = live_decisions


def _row(event: LiveEvent, d: Decision, source: str, now: datetime) -> dict[str, Any]:
    return {
        "event_key": d.event_key,
        "kind": d.kind,
        "subject": d.subject,
        "target": d.target,
        "decision": d.decision,
        "risk": d.risk,
        "reasons": [asdict(r) for r in d.reasons],
        "features": dict(d.features),
        "policy_version": d.policy_version,
        "source": source,
        "event_at": event.at,
        "decided_at": now,
    }


def _insert(conn: Connection, rows: list[dict[str, Any]]) -> None:
    dialect = conn.dialect.name
    mod: Any = postgresql if dialect == "postgresql" else sqlite
    stmt = mod.insert(T).on_conflict_do_nothing(index_elements=["event_key"])
    conn.execute(stmt, rows)


def _outcomes(conn: Connection, items: Sequence[tuple[LiveEvent, Decision]], now: datetime) -> None:
    """An invitation's outcome event marks the decision taken when it was sent."""
    for event, d in items:
        if d.decision != "recorded" or event.kind != "invitation":
            continue
        status = event.key.rsplit(":", 1)[1]
        sent_key = event.key.rsplit(":", 1)[0] + ":pending"
        conn.execute(
            update(T)
            .where(T.c.event_key == sent_key, T.c.outcome.is_(None))
            .values(outcome=status, outcome_at=event.at)
        )


def save(store: Store, items: Sequence[tuple[LiveEvent, Decision]], source: str) -> set[str]:
    """Store decisions (one transaction); returns the event keys that were new."""
    if not items:
        return set()
    now = datetime.now(UTC)
    keys = [d.event_key for _, d in items]
    with store.engine.begin() as conn:
        before = set(conn.execute(select(T.c.event_key).where(T.c.event_key.in_(keys))).scalars())
        _insert(conn, [_row(e, d, source, now) for e, d in items])
        _outcomes(conn, [(e, d) for e, d in items if d.event_key not in before], now)
    return set(keys) - before


def save_one(store: Store, event: LiveEvent, d: Decision, source: str) -> bool:
    """Store one decision; False when the event was decided before (nothing is changed)."""
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        dialect: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(T).on_conflict_do_nothing(index_elements=["event_key"])
        new = conn.execute(stmt, _row(event, d, source, now)).rowcount == 1
        if new:
            _outcomes(conn, [(event, d)], now)
    return bool(new)


def get(store: Store, event_key: str) -> dict[str, Any] | None:
    with store.connect() as conn:
        row = conn.execute(select(T).where(T.c.event_key == event_key)).mappings().first()
    return dict(row) if row else None


def listing(
    store: Store,
    kind: str | None = None,
    decision: str | None = None,
    subject: str | None = None,
    overturned: bool | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> tuple[list[dict[str, Any]], int]:
    conds = []
    if kind:
        conds.append(T.c.kind == kind)
    if decision:
        conds.append(T.c.decision == decision)
    if subject:
        conds.append(T.c.subject == subject)
    if overturned is not None:
        conds.append(
            T.c.overturned_scan.isnot(None) if overturned else T.c.overturned_scan.is_(None)
        )
    where = and_(*conds) if conds else None
    stmt = select(T).order_by(T.c.id.desc()).limit(limit)
    count = select(func.count()).select_from(T)
    if where is not None:
        stmt, count = stmt.where(where), count.where(where)
    if before_id is not None:
        stmt = stmt.where(T.c.id < before_id)
    with store.connect() as conn:
        rows = [dict(r) for r in conn.execute(stmt).mappings()]
        total = int(conn.execute(count).scalar_one())
    return rows, total


def reconcile(store: Store, routes: Sequence[str], scan_id: int | None = None) -> int:
    """Mark permissive live decisions whose subject a batch scan routed to ``routes``."""
    if scan_id is None:
        with store.unit_of_work() as uow:
            latest = uow.scans.latest()
        if latest is None:
            return 0
        scan_id = latest.id
    with store.engine.begin() as conn:
        hits = conn.execute(
            select(T.c.id, assessments.c.route, assessments.c.risk)
            .join(assessments, assessments.c.subject == T.c.subject)
            .where(
                assessments.c.scan_id == scan_id,
                assessments.c.route.in_(list(routes)),
                T.c.decision.in_(sorted(PERMISSIVE)),
                T.c.overturned_scan.is_(None),
            )
        ).all()
        for did, route, risk in hits:
            conn.execute(
                update(T)
                .where(T.c.id == did)
                .values(overturned_scan=scan_id, overturned_route=route, overturned_risk=risk)
            )
    return len(hits)
