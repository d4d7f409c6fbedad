"""Unverified member reports (``member_triage``): written by the public report button, read by
analysts. Kept apart from ``report`` records on purpose: nothing here opens or re-prioritises a
case or counts towards any reporter's track record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from unmask.store.member_schema import member_triage

if TYPE_CHECKING:
    from unmask.store.store import Store


@dataclass(frozen=True)
class TriageItem:
    id: int
    reported: str
    reason: str
    text: str
    verified_reporter: str | None
    received_at: datetime


#: At most this many unverified reports are kept (the oldest go first), so that a flood of
#: anonymous reports from many addresses cannot grow the table without bound.
MAX_ITEMS = 100_000


class Triage:
    """The store's triage queue of unverified reports."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add(
        self, reported: str, reason: str, text: str, verified_reporter: str | None = None
    ) -> None:
        with self.store.engine.begin() as conn:
            conn.execute(
                member_triage.insert().values(
                    reported=reported[:200],
                    reason=reason[:40],
                    text=text[:5000],
                    verified_reporter=verified_reporter,
                    received_at=datetime.now(UTC),
                )
            )
            newest = conn.execute(select(func.max(member_triage.c.id))).scalar_one()
            if newest is not None and newest > MAX_ITEMS:
                conn.execute(member_triage.delete().where(member_triage.c.id <= newest - MAX_ITEMS))

    def count(self, reported: str | None = None) -> int:
        stmt = select(func.count()).select_from(member_triage)
        if reported is not None:
            stmt = stmt.where(member_triage.c.reported == reported)
        with self.store.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def items(self, reported: str | None = None, limit: int = 100) -> list[TriageItem]:
        stmt = select(member_triage).order_by(member_triage.c.id.desc()).limit(limit)
        if reported is not None:
            stmt = stmt.where(member_triage.c.reported == reported)
        with self.store.connect() as conn:
            rows = conn.execute(stmt).mappings().all()
        out = []
        for r in rows:
            at = r["received_at"]
            out.append(
                TriageItem(
                    int(r["id"]),
                    r["reported"],
                    r["reason"],
                    r["text"],
                    r["verified_reporter"],
                    at if at.tzinfo else at.replace(tzinfo=UTC),
                )
            )
        return out
