"""Human review as stored values: cases, decisions, appeals, the actions taken and the notices
owed to contacted members (the outbox)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

QUEUE_STATUSES = ("open", "escalated", "appealed", "awaiting_second")
SORTS: tuple[str, ...] = ("priority", "risk", "age", "exposure", "reports")


def utc(value: datetime | None) -> datetime | None:
    """Times as the store hands them back are UTC; SQLite's come back naive."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


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


@dataclass(frozen=True)
class CaseSummary:
    """The queue at a glance: cases per status, open campaigns by size, when each queued case
    was opened."""

    by_status: dict[str, int]
    queued_campaigns: list[tuple[str, int]]
    queued_opened: list[datetime]


@dataclass(frozen=True)
class Decision:
    id: int
    case_id: int
    action: str
    scope: str
    reason: str
    actor: str
    status: str  # applied | pending | approved | rejected
    policy_version: str
    created_at: datetime
    second_actor: str | None = None
    second_reason: str | None = None
    resolved_at: datetime | None = None


@dataclass(frozen=True)
class Appeal:
    id: int
    case_id: int
    text: str
    filed_by: str
    filed_at: datetime
    outcome: str  # pending | upheld | overturned
    resolved_at: datetime | None = None


@dataclass(frozen=True)
class Action:
    """One enforcement step as kept on the record."""

    id: int
    case_id: int | None
    decision_id: int | None
    kind: str
    subject: str
    status: str
    actor: str
    at: datetime
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Notification:
    """A notice owed to a contacted member; ``queued`` until a channel has delivered it."""

    id: int
    case_id: int | None
    member: str
    about: str
    channel: str
    title: str
    body: str
    status: str  # queued | sent | failed
    created_at: datetime
    error: str | None = None
    sent_at: datetime | None = None
