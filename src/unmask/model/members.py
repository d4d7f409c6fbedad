"""The member side as stored: alerts to members whose account shows signs of takeover, and
unverified reports from the public report button (triage input, never a Report record)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class StoredAlert:
    id: int
    account_id: str
    kind: str
    message: str
    advice: str
    created_at: datetime
    acknowledged: bool = False


@dataclass(frozen=True)
class TriageItem:
    id: int
    reported: str
    reason: str
    text: str
    verified_reporter: str | None
    received_at: datetime
