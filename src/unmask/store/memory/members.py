"""Organisations, enrolled staff, security-team users and member alerts in memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime

from unmask.model.members import StoredAlert, TriageItem
from unmask.store.interface import ConflictError
from unmask.store.memory.state import State


class MemoryMembers:
    def __init__(self, state: State) -> None:
        self.state = state

    def add_org(self, org_id: str, name: str) -> None:
        if org_id in self.state.orgs:
            raise ConflictError(f"an organisation {org_id!r} already exists")
        self.state.orgs[org_id] = (name, frozenset())

    def org_name(self, org_id: str) -> str | None:
        found = self.state.orgs.get(org_id)
        return found[0] if found else None

    def staff(self, org_id: str) -> set[str]:
        found = self.state.orgs.get(org_id)
        return set(found[1]) if found else set()

    def add_staff(self, org_id: str, ident_hashes: Sequence[str]) -> None:
        name, staff = self.state.orgs[org_id]
        self.state.orgs[org_id] = (name, staff | frozenset(ident_hashes))

    def link_user(self, user_id: int, org_id: str) -> None:
        self.state.org_users[user_id] = org_id

    def org_of_user(self, user_id: int) -> str | None:
        return self.state.org_users.get(user_id)

    def add_alert(
        self,
        fingerprint: str,
        account_id: str,
        kind: str,
        message: str,
        advice: str,
        created_at: datetime,
    ) -> bool:
        if any(fp == fingerprint for fp, _ in self.state.alerts.values()):
            return False
        aid = self.state.next_id("alert")
        alert = StoredAlert(aid, account_id, kind, message, advice, created_at)
        self.state.alerts[aid] = (fingerprint, alert)
        return True

    def alerts_of(self, account_id: str) -> list[StoredAlert]:
        found = [a for _, a in self.state.alerts.values() if a.account_id == account_id]
        return sorted(found, key=lambda a: (-a.created_at.timestamp(), a.id))

    def add_triage(
        self, reported: str, reason: str, text: str, verified_reporter: str | None, keep: int
    ) -> None:
        tid = self.state.next_id("triage")
        now = datetime.now(UTC)
        self.state.triage[tid] = TriageItem(tid, reported, reason, text, verified_reporter, now)
        for old in [i for i in self.state.triage if i <= tid - keep]:
            del self.state.triage[old]

    def triage_count(self, reported: str | None = None) -> int:
        return len(self.triage_items(reported, limit=len(self.state.triage)))

    def triage_items(self, reported: str | None = None, limit: int = 100) -> list[TriageItem]:
        found = [
            t
            for _, t in sorted(self.state.triage.items(), reverse=True)
            if reported is None or t.reported == reported
        ]
        return found[:limit]

    def acknowledge(self, alert_id: int) -> bool:
        found = self.state.alerts.get(alert_id)
        if found is None:
            return False
        self.state.alerts[alert_id] = (found[0], dataclasses.replace(found[1], acknowledged=True))
        return True
