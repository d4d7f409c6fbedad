"""A live-path decision as stored: one per event key, with what became of the event and whether
a later batch scan overturned a permissive decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class LiveRecord:
    event_key: str
    kind: str
    subject: str
    target: str | None
    decision: str
    risk: float
    policy_version: str
    source: str
    event_at: datetime
    decided_at: datetime
    reasons: list[dict[str, Any]] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    id: int = 0  # given by the store
    outcome: str | None = None
    outcome_at: datetime | None = None
    overturned_scan: int | None = None
    overturned_route: str | None = None
    overturned_risk: float | None = None
