"""Store protocols for review: cases and decisions, enforcement (actions, outbox), the audit
chain."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from unmask.model.audit import ChainedEvent
from unmask.model.review import (
    Action,
    Appeal,
    Case,
    CaseSummary,
    Decision,
    Filters,
    Notification,
)


class Cases(Protocol):
    """Cases, the decisions taken on them and the appeals against those."""

    def get(self, case_id: int) -> Case | None: ...

    def search(self, filters: Filters) -> tuple[list[Case], int]:
        """One page in the filter's order, and how many match in all."""
        ...

    def latest_for(self, subjects: Sequence[str]) -> dict[str, Case]:
        """The newest case (highest generation) of each subject that has one."""
        ...

    def summary(self) -> CaseSummary:
        """Queued campaigns largest first (then by key)."""
        ...

    def of_campaign(self, campaign: str) -> list[Case]:
        """Highest priority first."""
        ...

    def open(self, **values: Any) -> int:
        """A new case from its fields (``opened_at``/``updated_at`` default to now)."""
        ...

    def update(self, case_id: int, **changes: Any) -> None:
        """Change fields of a case; ``updated_at`` becomes now."""
        ...

    def add_decision(
        self,
        case_id: int,
        action: str,
        scope: str,
        reason: str,
        actor: str,
        status: str,
        policy_version: str,
    ) -> int: ...

    def decision(self, decision_id: int) -> Decision | None: ...

    def decisions_of(self, case_id: int) -> list[Decision]:
        """Oldest first."""
        ...

    def pending_decision(self, case_id: int) -> Decision | None: ...

    def decisions_with(self, statuses: Sequence[str]) -> list[Decision]:
        """Every decision in one of these statuses, oldest first."""
        ...

    def resolve_decision(
        self, decision_id: int, status: str, second_actor: str, second_reason: str
    ) -> bool:
        """Only a pending decision is resolved; False when someone else resolved it first."""
        ...

    def add_appeal(self, case_id: int, text: str, filed_by: str) -> int: ...

    def pending_appeal(self, case_id: int) -> Appeal | None: ...

    def appeals_of(self, case_id: int) -> list[Appeal]:
        """Oldest first."""
        ...

    def appeals_with(self, outcome: str) -> list[Appeal]:
        """Every appeal with this outcome, oldest first."""
        ...

    def resolve_appeal(self, appeal_id: int, outcome: str) -> None: ...


class Enforcement(Protocol):
    """Account states, the actions taken and the notices owed (the outbox)."""

    def state(self, account_id: str) -> str:
        """``active`` unless an action changed it."""
        ...

    def set_state(self, account_id: str, state: str, case_id: int | None) -> None: ...

    def record_action(
        self,
        case_id: int | None,
        decision_id: int | None,
        kind: str,
        subject: str,
        detail: dict[str, Any],
        actor: str,
    ) -> int: ...

    def last_action(self, subject: str, kind: str) -> Action | None: ...

    def actions_of(self, case_id: int) -> list[Action]:
        """Oldest first."""
        ...

    def actions_of_kind(self, kind: str) -> list[Action]:
        """Every action of this kind, oldest first."""
        ...

    def notified(self, about: str) -> set[str]:
        """Members who have a notice (of any status) about the account."""
        ...

    def queue_notice(
        self, case_id: int | None, member: str, about: str, channel: str, title: str, body: str
    ) -> int:
        """A notice in the outbox, status ``queued``, delivered after the commit."""
        ...

    def notices(self, status: str | None = None, about: str | None = None) -> list[Notification]:
        """Oldest first."""
        ...

    def mark_notice(self, notice_id: int, status: str, error: str | None = None) -> None: ...


class Audit(Protocol):
    """The append-only, hash-chained audit log."""

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
        """Add one event at the head of the chain (serialised against other writers)."""
        ...

    def events(
        self, after: int = 0, case_id: int | None = None, limit: int = 2000
    ) -> list[ChainedEvent]:
        """Events with ``seq > after``, in sequence order."""
        ...
