"""Cases, decisions and appeals in memory."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from unmask.model.review import QUEUE_STATUSES, Appeal, Case, CaseSummary, Decision, Filters
from unmask.store.memory.state import State

_CASE_FIELDS = frozenset(f.name for f in dataclasses.fields(Case))
_SORTS: dict[str, Callable[[Case], Any]] = {
    "priority": lambda c: (-c.priority, c.id),
    "risk": lambda c: (-c.risk, c.id),
    "age": lambda c: (c.opened_at, c.id),
    "exposure": lambda c: (-c.exposure, c.id),
    "reports": lambda c: (-c.report_score, c.id),
}


def _matches(c: Case, f: Filters) -> bool:
    if f.status == "queue" and c.status not in QUEUE_STATUSES:
        return False
    if f.status and f.status != "queue" and c.status != f.status:
        return False
    if f.campaign and c.campaign != f.campaign:
        return False
    if f.min_risk is not None and c.risk < f.min_risk:
        return False
    return not f.search or f.search in c.subject


class MemoryCases:
    def __init__(self, state: State) -> None:
        self.state = state

    def get(self, case_id: int) -> Case | None:
        return self.state.cases.get(case_id)

    def search(self, filters: Filters) -> tuple[list[Case], int]:
        found = [c for c in self.state.cases.values() if _matches(c, filters)]
        found.sort(key=_SORTS.get(filters.sort, _SORTS["priority"]))
        return found[filters.offset : filters.offset + filters.limit], len(found)

    def latest_for(self, subjects: Sequence[str]) -> dict[str, Case]:
        wanted, out = set(subjects), dict[str, Case]()
        for case in self.state.cases.values():
            newer = case.subject not in out or case.generation > out[case.subject].generation
            if case.subject in wanted and newer:
                out[case.subject] = case
        return out

    def summary(self) -> CaseSummary:
        every = list(self.state.cases.values())
        queued = [c for c in every if c.status in QUEUE_STATUSES]
        sizes = Counter(c.campaign for c in queued if c.campaign)
        return CaseSummary(
            dict(Counter(c.status for c in every)),
            sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])),
            [c.opened_at for c in queued],
        )

    def of_campaign(self, campaign: str) -> list[Case]:
        found = [c for c in self.state.cases.values() if c.campaign == campaign]
        return sorted(found, key=lambda c: (-c.priority, c.id))

    def open(self, **values: Any) -> int:
        unknown = set(values) - _CASE_FIELDS
        if unknown or "id" in values:
            raise ValueError(f"not fields of a new case: {sorted(unknown | {'id'} & set(values))}")
        now = datetime.now(UTC)
        cid = self.state.next_id("case")
        defaults: dict[str, Any] = {
            "opened_at": now,
            "updated_at": now,
            "note": "",
            "generation": 1,
            "exposure": 0.0,
            "report_score": 0.0,
            "outcome": None,
            "closed_at": None,
            "scan_id": None,
            "campaign": None,
        }
        self.state.cases[cid] = Case(id=cid, **(defaults | values))
        return cid

    def update(self, case_id: int, **changes: Any) -> None:
        unknown = set(changes) - _CASE_FIELDS
        if unknown or "id" in changes:
            raise ValueError(f"not fields of a case: {sorted(unknown | {'id'} & set(changes))}")
        case = self.state.cases.get(case_id)
        if case is not None:
            changes["updated_at"] = datetime.now(UTC)
            self.state.cases[case_id] = dataclasses.replace(case, **changes)

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
        did = self.state.next_id("decision")
        self.state.decisions[did] = Decision(
            did, case_id, action, scope, reason, actor, status, policy_version, datetime.now(UTC)
        )
        return did

    def decision(self, decision_id: int) -> Decision | None:
        return self.state.decisions.get(decision_id)

    def decisions_of(self, case_id: int) -> list[Decision]:
        return [d for _, d in sorted(self.state.decisions.items()) if d.case_id == case_id]

    def decisions_with(self, statuses: Sequence[str]) -> list[Decision]:
        return [d for _, d in sorted(self.state.decisions.items()) if d.status in statuses]

    def pending_decision(self, case_id: int) -> Decision | None:
        found = [d for d in self.decisions_of(case_id) if d.status == "pending"]
        return found[0] if found else None

    def resolve_decision(
        self, decision_id: int, status: str, second_actor: str, second_reason: str
    ) -> bool:
        d = self.state.decisions.get(decision_id)
        if d is None or d.status != "pending":
            return False
        self.state.decisions[decision_id] = dataclasses.replace(
            d,
            status=status,
            second_actor=second_actor,
            second_reason=second_reason,
            resolved_at=datetime.now(UTC),
        )
        return True

    def add_appeal(self, case_id: int, text: str, filed_by: str) -> int:
        aid = self.state.next_id("appeal")
        self.state.appeals[aid] = Appeal(aid, case_id, text, filed_by, datetime.now(UTC), "pending")
        return aid

    def pending_appeal(self, case_id: int) -> Appeal | None:
        found = [
            a
            for _, a in sorted(self.state.appeals.items())
            if a.case_id == case_id and a.outcome == "pending"
        ]
        return found[0] if found else None

    def appeals_of(self, case_id: int) -> list[Appeal]:
        return [a for _, a in sorted(self.state.appeals.items()) if a.case_id == case_id]

    def appeals_with(self, outcome: str) -> list[Appeal]:
        return [a for _, a in sorted(self.state.appeals.items()) if a.outcome == outcome]

    def resolve_appeal(self, appeal_id: int, outcome: str) -> None:
        a = self.state.appeals.get(appeal_id)
        if a is not None:
            self.state.appeals[appeal_id] = dataclasses.replace(
                a, outcome=outcome, resolved_at=datetime.now(UTC)
            )
