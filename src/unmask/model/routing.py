"""Where an assessment goes and where a case stands: closed vocabularies shared by scoring,
cases, the engine and the console (``StrEnum``: each member equals its string value, so stored
rows and JSON keep the plain words)."""

from __future__ import annotations

from enum import StrEnum


class Route(StrEnum):
    """The route of an assessment, from its risk and the policy's ``[routing]`` thresholds."""

    NONE = "none"
    REVIEW = "review"
    AUTO_RESTRICT = "auto_restrict"


class CaseStatus(StrEnum):
    """A review case's status (see ``unmask.cases.machine``)."""

    OPEN = "open"
    ESCALATED = "escalated"
    AWAITING_SECOND = "awaiting_second"
    APPEALED = "appealed"
    CLOSED = "closed"


#: Routes that open a case in the review queue.
QUEUED_ROUTES: frozenset[Route] = frozenset({Route.REVIEW, Route.AUTO_RESTRICT})
#: Statuses of a case still in the queue.
QUEUED_STATUSES: frozenset[CaseStatus] = frozenset(
    {CaseStatus.OPEN, CaseStatus.ESCALATED, CaseStatus.APPEALED}
)

__all__ = ["QUEUED_ROUTES", "QUEUED_STATUSES", "CaseStatus", "Route"]
