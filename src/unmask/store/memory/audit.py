"""The hash-chained audit log in memory."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic_core import to_jsonable_python

from unmask.model.audit import GENESIS, ChainedEvent, Event, chain
from unmask.store.memory.state import State


class MemoryAudit:
    def __init__(self, state: State) -> None:
        self.state = state

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
        log = self.state.audit
        seq, prev = (log[-1].event.seq + 1, log[-1].hash) if log else (1, GENESIS)
        event = Event(
            seq,
            datetime.now(UTC),
            actor,
            kind,
            reason,
            policy_version,
            case_id,
            subject,
            to_jsonable_python(payload or {}),
        )
        item = chain(prev, event)
        log.append(item)
        return item

    def events(
        self, after: int = 0, case_id: int | None = None, limit: int = 2000
    ) -> list[ChainedEvent]:
        found = (
            e
            for e in self.state.audit
            if e.event.seq > after and (case_id is None or e.event.case_id == case_id)
        )
        return [e for _, e in zip(range(limit), found, strict=False)]
