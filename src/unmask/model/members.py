"""The member side as stored: alerts to members whose account shows signs of takeover."""

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
