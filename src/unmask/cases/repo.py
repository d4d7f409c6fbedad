"""Cases in the store: typed rows, reads with filters, and writes."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, func, select, update

from unmask.store.review_schema import cases, decisions


@dataclass(frozen=True)
class Case:
    id: int
    subject: str
    generation: int
    source: str
    scan_id: int | None
    campaign: str | None
    risk: float
    exposure: float
    report_score: float
    priority: float
    route: str
    status: str
    outcome: str | None
    policy_version: str
    note: str
    opened_at: datetime
    updated_at: datetime
    closed_at: datetime | None

    @classmethod
    def from_row(cls, row: RowMapping) -> Case:
        data = {f.name: row[f.name] for f in fields(cls)}
        for key in ("opened_at", "updated_at", "closed_at"):
            if data[key] is not None and data[key].tzinfo is None:
                data[key] = data[key].replace(tzinfo=UTC)
        return cls(**data)

    def age_days(self, now: datetime | None = None) -> float:
        return ((now or datetime.now(UTC)) - self.opened_at).total_seconds() / 86400


@dataclass(frozen=True)
class Filters:
    status: str | None = None  # a status, or "queue" for everything awaiting someone
    campaign: str | None = None
    min_risk: float | None = None
    search: str | None = None
    sort: str = "priority"  # priority | risk | age | exposure | reports
    limit: int = 100
    offset: int = 0


_SORTS = {
    "priority": cases.c.priority.desc(),
    "risk": cases.c.risk.desc(),
    "age": cases.c.opened_at.asc(),
    "exposure": cases.c.exposure.desc(),
    "reports": cases.c.report_score.desc(),
}
SORTS: tuple[str, ...] = tuple(_SORTS)
QUEUE_STATUSES = ("open", "escalated", "appealed", "awaiting_second")


def _where(f: Filters) -> list[Any]:
    where: list[Any] = []
    if f.status == "queue":
        where.append(cases.c.status.in_(QUEUE_STATUSES))
    elif f.status:
        where.append(cases.c.status == f.status)
    if f.campaign:
        where.append(cases.c.campaign == f.campaign)
    if f.min_risk is not None:
        where.append(cases.c.risk >= f.min_risk)
    if f.search:
        where.append(cases.c.subject.contains(f.search, autoescape=True))
    return where


def list_cases(conn: Connection, f: Filters) -> tuple[list[Case], int]:
    where = _where(f)
    total = conn.execute(select(func.count()).select_from(cases).where(*where)).scalar_one()
    stmt = (
        select(cases)
        .where(*where)
        .order_by(_SORTS.get(f.sort, _SORTS["priority"]), cases.c.id)
        .limit(f.limit)
        .offset(f.offset)
    )
    return [Case.from_row(r) for r in conn.execute(stmt).mappings()], int(total)


def get_case(conn: Connection, case_id: int) -> Case | None:
    row = conn.execute(select(cases).where(cases.c.id == case_id)).mappings().first()
    return Case.from_row(row) if row else None


def latest_for(conn: Connection, subjects: list[str]) -> dict[str, Case]:
    """The newest case (highest generation) of each subject."""
    out: dict[str, Case] = {}
    for i in range(0, len(subjects), 900):
        rows = conn.execute(
            select(cases).where(cases.c.subject.in_(subjects[i : i + 900]))
        ).mappings()
        for row in rows:
            case = Case.from_row(row)
            if case.subject not in out or case.generation > out[case.subject].generation:
                out[case.subject] = case
    return out


def campaign_cases(conn: Connection, campaign: str) -> list[Case]:
    stmt = select(cases).where(cases.c.campaign == campaign).order_by(cases.c.priority.desc())
    return [Case.from_row(r) for r in conn.execute(stmt).mappings()]


def insert_case(conn: Connection, **values: Any) -> int:
    now = datetime.now(UTC)
    values.setdefault("opened_at", now)
    values.setdefault("updated_at", now)
    values.setdefault("note", "")
    values.setdefault("generation", 1)
    inserted = conn.execute(cases.insert().values(**values)).inserted_primary_key
    assert inserted is not None
    return int(inserted[0])


def update_case(conn: Connection, case_id: int, **values: Any) -> None:
    values["updated_at"] = datetime.now(UTC)
    conn.execute(update(cases).where(cases.c.id == case_id).values(**values))


def pending_decision(conn: Connection, case_id: int) -> RowMapping | None:
    stmt = select(decisions).where(decisions.c.case_id == case_id, decisions.c.status == "pending")
    return conn.execute(stmt).mappings().first()


def case_decisions(conn: Connection, case_id: int) -> list[RowMapping]:
    stmt = select(decisions).where(decisions.c.case_id == case_id).order_by(decisions.c.id)
    return list(conn.execute(stmt).mappings())
