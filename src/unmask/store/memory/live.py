"""Live decisions in memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from unmask.model.live import LiveRecord
from unmask.store.memory.state import State


class MemoryLive:
    def __init__(self, state: State) -> None:
        self.state = state

    def _by_key(self) -> dict[str, int]:
        return {r.event_key: i for i, r in self.state.live.items()}

    def add_new(self, records: Sequence[LiveRecord]) -> set[str]:
        known, new = self._by_key(), set()
        for r in records:
            if r.event_key in known or r.event_key in new:
                continue
            lid = self.state.next_id("live")
            self.state.live[lid] = dataclasses.replace(r, id=lid)
            new.add(r.event_key)
        return new

    def set_outcome(self, event_key: str, outcome: str, at: datetime) -> None:
        lid = self._by_key().get(event_key)
        if lid is not None and self.state.live[lid].outcome is None:
            row = self.state.live[lid]
            self.state.live[lid] = dataclasses.replace(row, outcome=outcome, outcome_at=at)

    def get(self, event_key: str) -> LiveRecord | None:
        lid = self._by_key().get(event_key)
        return self.state.live[lid] if lid is not None else None

    def listing(
        self,
        *,
        kind: str | None = None,
        decision: str | None = None,
        subject: str | None = None,
        overturned: bool | None = None,
        before_id: int | None = None,
        limit: int = 100,
    ) -> tuple[list[LiveRecord], int]:
        def wanted(r: LiveRecord) -> bool:
            done = r.overturned_scan is not None
            return (
                (not kind or r.kind == kind)
                and (not decision or r.decision == decision)
                and (not subject or r.subject == subject)
                and (overturned is None or done == overturned)
            )

        found = [r for _, r in sorted(self.state.live.items(), reverse=True) if wanted(r)]
        page = [r for r in found if before_id is None or r.id < before_id][:limit]
        return page, len(found)

    def open_permissive(self, decisions: Sequence[str]) -> list[tuple[int, str]]:
        return [
            (i, r.subject)
            for i, r in sorted(self.state.live.items())
            if r.decision in decisions and r.overturned_scan is None
        ]

    def overturn(self, decision_id: int, scan_id: int, route: str, risk: float) -> None:
        self.state.live[decision_id] = dataclasses.replace(
            self.state.live[decision_id],
            overturned_scan=scan_id,
            overturned_route=route,
            overturned_risk=risk,
        )
