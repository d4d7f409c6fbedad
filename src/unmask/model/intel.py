"""Intelligence context as stored: STIX objects kept for attribution and export, and how far
each TAXII feed has been read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ContextObject:
    stix_id: str
    type: str
    source: str
    name: str | None = None
    modified: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FeedCursor:
    feed: str
    added_after: str | None
    objects: int
    polled_at: datetime
