"""Account states, actions and the notification outbox in memory."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from pydantic_core import to_jsonable_python

from unmask.model.review import Action, Notification
from unmask.store.memory.state import State


class MemoryEnforcement:
    def __init__(self, state: State) -> None:
        self._st = state

    def state(self, account_id: str) -> str:
        return self._st.states.get(account_id, ("active", None))[0]

    def set_state(self, account_id: str, state: str, case_id: int | None) -> None:
        self._st.states[account_id] = (state, case_id)

    def record_action(
        self,
        case_id: int | None,
        decision_id: int | None,
        kind: str,
        subject: str,
        detail: dict[str, Any],
        actor: str,
    ) -> int:
        aid = self._st.next_id("action")
        self._st.actions[aid] = Action(
            aid,
            case_id,
            decision_id,
            kind,
            subject,
            "done",
            actor,
            datetime.now(UTC),
            to_jsonable_python(detail),
        )
        return aid

    def last_action(self, subject: str, kind: str) -> Action | None:
        found = [
            a
            for _, a in sorted(self._st.actions.items())
            if a.subject == subject and a.kind == kind
        ]
        return found[-1] if found else None

    def actions_of(self, case_id: int) -> list[Action]:
        return [a for _, a in sorted(self._st.actions.items()) if a.case_id == case_id]

    def actions_of_kind(self, kind: str) -> list[Action]:
        return [a for _, a in sorted(self._st.actions.items()) if a.kind == kind]

    def notified(self, about: str) -> set[str]:
        return {n.member for n in self._st.notices.values() if n.about == about}

    def queue_notice(
        self, case_id: int | None, member: str, about: str, channel: str, title: str, body: str
    ) -> int:
        if member in self.notified(about):  # the table's unique (member, about)
            raise ValueError(f"{member} already has a notice about {about}")
        nid = self._st.next_id("notice")
        self._st.notices[nid] = Notification(
            nid, case_id, member, about, channel, title, body, "queued", datetime.now(UTC)
        )
        return nid

    def notices(self, status: str | None = None, about: str | None = None) -> list[Notification]:
        return [
            n
            for _, n in sorted(self._st.notices.items())
            if (status is None or n.status == status) and (about is None or n.about == about)
        ]

    def mark_notice(self, notice_id: int, status: str, error: str | None = None) -> None:
        n = self._st.notices[notice_id]
        sent = datetime.now(UTC) if status == "sent" else None
        self._st.notices[notice_id] = dataclasses.replace(
            n, status=status, error=error, sent_at=sent
        )
