"""Cases, decisions and appeals on SQLAlchemy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from unmask.model.review import QUEUE_STATUSES, Appeal, Case, CaseSummary, Decision, Filters, utc
from unmask.store.review_schema import appeals, cases, decisions

_SORTS = {
    "priority": cases.c.priority.desc(),
    "risk": cases.c.risk.desc(),
    "age": cases.c.opened_at.asc(),
    "exposure": cases.c.exposure.desc(),
    "reports": cases.c.report_score.desc(),
}
_CASE_FIELDS = frozenset(f.name for f in fields(Case))


def _typed(cls: Any, row: Any) -> Any:
    data = {f.name: row[f.name] for f in fields(cls)}
    for key, value in data.items():
        if isinstance(value, datetime):
            data[key] = utc(value)
    return cls(**data)


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


class SqlCases:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _cases(self, stmt: Any) -> list[Case]:
        return [_typed(Case, r) for r in self.conn.execute(stmt).mappings()]

    def get(self, case_id: int) -> Case | None:
        found = self._cases(select(cases).where(cases.c.id == case_id))
        return found[0] if found else None

    def search(self, filters: Filters) -> tuple[list[Case], int]:
        where = _where(filters)
        total = self.conn.execute(select(func.count()).select_from(cases).where(*where))
        stmt = (
            select(cases)
            .where(*where)
            .order_by(_SORTS.get(filters.sort, _SORTS["priority"]), cases.c.id)
            .limit(filters.limit)
            .offset(filters.offset)
        )
        return self._cases(stmt), int(total.scalar_one())

    def latest_for(self, subjects: Sequence[str]) -> dict[str, Case]:
        out: dict[str, Case] = {}
        wanted = list(subjects)
        for i in range(0, len(wanted), 900):
            for case in self._cases(select(cases).where(cases.c.subject.in_(wanted[i : i + 900]))):
                if case.subject not in out or case.generation > out[case.subject].generation:
                    out[case.subject] = case
        return out

    def summary(self) -> CaseSummary:
        rows = self.conn.execute(select(cases.c.status, func.count()).group_by(cases.c.status))
        by_status = {str(k): int(n) for k, n in rows}
        queued = cases.c.status.in_(QUEUE_STATUSES)
        n = func.count()
        camps = self.conn.execute(
            select(cases.c.campaign, n)
            .where(cases.c.campaign.is_not(None), queued)
            .group_by(cases.c.campaign)
            .order_by(n.desc(), cases.c.campaign)
        )
        opened = self.conn.execute(select(cases.c.opened_at).where(queued)).scalars()
        return CaseSummary(
            by_status,
            [(str(c), int(k)) for c, k in camps],
            [utc(t) or t for t in opened],
        )

    def of_campaign(self, campaign: str) -> list[Case]:
        stmt = select(cases).where(cases.c.campaign == campaign)
        return self._cases(stmt.order_by(cases.c.priority.desc(), cases.c.id))

    def open(self, **values: Any) -> int:
        unknown = set(values) - _CASE_FIELDS
        if unknown or "id" in values:
            raise ValueError(f"not fields of a new case: {sorted(unknown | {'id'} & set(values))}")
        now = datetime.now(UTC)
        values = {"opened_at": now, "updated_at": now, "note": "", "generation": 1} | values
        inserted = self.conn.execute(cases.insert().values(**values)).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])

    def update(self, case_id: int, **changes: Any) -> None:
        unknown = set(changes) - _CASE_FIELDS
        if unknown or "id" in changes:
            raise ValueError(f"not fields of a case: {sorted(unknown | {'id'} & set(changes))}")
        changes["updated_at"] = datetime.now(UTC)
        self.conn.execute(update(cases).where(cases.c.id == case_id).values(**changes))

    def add_decision(
        self,
        case_id: int,
        action: str,
        scope: str,
        reason: str,
        actor: str,
        status: str,
        policy_version: str,
    ) -> int:
        inserted = self.conn.execute(
            decisions.insert().values(
                case_id=case_id,
                action=action,
                scope=scope,
                reason=reason,
                actor=actor,
                status=status,
                policy_version=policy_version,
                created_at=datetime.now(UTC),
            )
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])

    def _decisions(self, *where: Any) -> list[Decision]:
        stmt = select(decisions).where(*where).order_by(decisions.c.id)
        return [_typed(Decision, r) for r in self.conn.execute(stmt).mappings()]

    def decision(self, decision_id: int) -> Decision | None:
        found = self._decisions(decisions.c.id == decision_id)
        return found[0] if found else None

    def decisions_of(self, case_id: int) -> list[Decision]:
        return self._decisions(decisions.c.case_id == case_id)

    def decisions_with(self, statuses: Sequence[str]) -> list[Decision]:
        return self._decisions(decisions.c.status.in_(list(statuses)))

    def pending_decision(self, case_id: int) -> Decision | None:
        found = self._decisions(decisions.c.case_id == case_id, decisions.c.status == "pending")
        return found[0] if found else None

    def resolve_decision(
        self, decision_id: int, status: str, second_actor: str, second_reason: str
    ) -> bool:
        changed = self.conn.execute(
            update(decisions)
            .where(decisions.c.id == decision_id, decisions.c.status == "pending")
            .values(
                status=status,
                second_actor=second_actor,
                second_reason=second_reason,
                resolved_at=datetime.now(UTC),
            )
        ).rowcount
        return bool(changed == 1)

    def add_appeal(self, case_id: int, text: str, filed_by: str) -> int:
        inserted = self.conn.execute(
            appeals.insert().values(
                case_id=case_id,
                text=text,
                filed_by=filed_by,
                filed_at=datetime.now(UTC),
                outcome="pending",
            )
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])

    def pending_appeal(self, case_id: int) -> Appeal | None:
        stmt = select(appeals).where(appeals.c.case_id == case_id, appeals.c.outcome == "pending")
        row = self.conn.execute(stmt.order_by(appeals.c.id)).mappings().first()
        return _typed(Appeal, row) if row is not None else None

    def appeals_of(self, case_id: int) -> list[Appeal]:
        stmt = select(appeals).where(appeals.c.case_id == case_id).order_by(appeals.c.id)
        return [_typed(Appeal, r) for r in self.conn.execute(stmt).mappings()]

    def appeals_with(self, outcome: str) -> list[Appeal]:
        stmt = select(appeals).where(appeals.c.outcome == outcome).order_by(appeals.c.id)
        return [_typed(Appeal, r) for r in self.conn.execute(stmt).mappings()]

    def resolve_appeal(self, appeal_id: int, outcome: str) -> None:
        self.conn.execute(
            update(appeals)
            .where(appeals.c.id == appeal_id)
            .values(outcome=outcome, resolved_at=datetime.now(UTC))
        )
