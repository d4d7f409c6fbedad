"""Live decisions in memory."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from unmask.store.memory.state import State

_EMPTY = {
    "outcome": None,
    "outcome_at": None,
    "overturned_scan": None,
    "overturned_route": None,
    "overturned_risk": None,
}


class MemoryLive:
    def __init__(self, state: State) -> None:
        self.state = state

    def _by_key(self) -> dict[str, int]:
        return {str(r["event_key"]): i for i, r in self.state.live.items()}

    def add_new(self, rows: Sequence[dict[str, Any]]) -> set[str]:
        known, new = self._by_key(), set()
        for row in rows:
            key = str(row["event_key"])
            if key in known or key in new:
                continue
            lid = self.state.next_id("live")
            self.state.live[lid] = {"id": lid, **_EMPTY, **row}
            new.add(key)
        return new

    def set_outcome(self, event_key: str, outcome: str, at: datetime) -> None:
        lid = self._by_key().get(event_key)
        if lid is not None and self.state.live[lid]["outcome"] is None:
            self.state.live[lid] = self.state.live[lid] | {"outcome": outcome, "outcome_at": at}

    def get(self, event_key: str) -> dict[str, Any] | None:
        lid = self._by_key().get(event_key)
        return dict(self.state.live[lid]) if lid is not None else None

    def listing(
        self,
        *,
        kind: str | None = None,
        decision: str | None = None,
        subject: str | None = None,
        overturned: bool | None = None,
        before_id: int | None = None,
        limit: int = 100,
    ) -> tuple[list[dict[str, Any]], int]:
        def wanted(r: dict[str, Any]) -> bool:
            done = r["overturned_scan"] is not None
            return (
                (not kind or r["kind"] == kind)
                and (not decision or r["decision"] == decision)
                and (not subject or r["subject"] == subject)
                and (overturned is None or done == overturned)
            )

        found = [r for _, r in sorted(self.state.live.items(), reverse=True) if wanted(r)]
        page = [dict(r) for r in found if before_id is None or r["id"] < before_id][:limit]
        return page, len(found)

    def open_permissive(self, decisions: Sequence[str]) -> list[tuple[int, str]]:
        return [
            (i, str(r["subject"]))
            for i, r in sorted(self.state.live.items())
            if r["decision"] in decisions and r["overturned_scan"] is None
        ]

    def overturn(self, decision_id: int, scan_id: int, route: str, risk: float) -> None:
        row = self.state.live[decision_id]
        change = {"overturned_scan": scan_id, "overturned_route": route, "overturned_risk": risk}
        self.state.live[decision_id] = row | change
