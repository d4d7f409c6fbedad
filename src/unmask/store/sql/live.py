"""Live decisions on SQLAlchemy (``INSERT ... ON CONFLICT DO NOTHING`` on the event key)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from unmask.model.live import LiveRecord
from unmask.model.review import utc
from unmask.store.live_schema import live_decisions

T = live_decisions
_IN = 900
_FIELDS = [f.name for f in fields(LiveRecord)]


def _record(row: Any) -> LiveRecord:
    data = {f: row[f] for f in _FIELDS}
    for key in ("event_at", "decided_at", "outcome_at"):
        data[key] = utc(data[key])
    data["reasons"], data["features"] = list(data["reasons"] or []), dict(data["features"] or {})
    return LiveRecord(**data)


class SqlLive:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_new(self, records: Sequence[LiveRecord]) -> set[str]:
        if not records:
            return set()
        rows = [{k: v for k, v in asdict(r).items() if k != "id"} for r in records]
        keys = sorted({r.event_key for r in records})
        before: set[str] = set()
        for i in range(0, len(keys), _IN):
            stmt = select(T.c.event_key).where(T.c.event_key.in_(keys[i : i + _IN]))
            before.update(str(k) for k in self.conn.execute(stmt).scalars())
        mod: Any = postgresql if self.conn.dialect.name == "postgresql" else sqlite
        stmt = mod.insert(T).on_conflict_do_nothing(index_elements=["event_key"])
        self.conn.execute(stmt, rows)
        return set(keys) - before

    def set_outcome(self, event_key: str, outcome: str, at: datetime) -> None:
        self.conn.execute(
            update(T)
            .where(T.c.event_key == event_key, T.c.outcome.is_(None))
            .values(outcome=outcome, outcome_at=at)
        )

    def get(self, event_key: str) -> LiveRecord | None:
        row = self.conn.execute(select(T).where(T.c.event_key == event_key)).mappings().first()
        return _record(row) if row else None

    def listing(
        self,
        *,
        kind: str | None = None,
        decision: str | None = None,
        subject: str | None = None,
        overturned: bool | None = None,
        before_id: int | None = None,
        limit: int = 100,
    ) -> tuple[list[LiveRecord], int]:
        conds: list[Any] = []
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
        stmt = select(T).order_by(T.c.id.desc()).limit(limit)
        count = select(func.count()).select_from(T)
        if conds:
            stmt, count = stmt.where(and_(*conds)), count.where(and_(*conds))
        if before_id is not None:
            stmt = stmt.where(T.c.id < before_id)
        rows = [_record(r) for r in self.conn.execute(stmt).mappings()]
        return rows, int(self.conn.execute(count).scalar_one())

    def open_permissive(self, decisions: Sequence[str]) -> list[tuple[int, str]]:
        stmt = select(T.c.id, T.c.subject).where(
            T.c.decision.in_(sorted(decisions)), T.c.overturned_scan.is_(None)
        )
        return [(int(i), str(s)) for i, s in self.conn.execute(stmt.order_by(T.c.id))]

    def overturn(self, decision_id: int, scan_id: int, route: str, risk: float) -> None:
        self.conn.execute(
            update(T)
            .where(T.c.id == decision_id)
            .values(overturned_scan=scan_id, overturned_route=route, overturned_risk=risk)
        )
