"""Everything an in-memory store holds, copied per unit of work so a failed one leaves no trace."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from unmask.model.audit import ChainedEvent
from unmask.model.findings import Finding
from unmask.model.ingest import IngestFile, Quarantined
from unmask.model.intel import ContextObject, FeedCursor
from unmask.model.live import LiveRecord
from unmask.model.members import StoredAlert, TriageItem
from unmask.model.records import RecordBase
from unmask.model.review import Action, Appeal, Case, Decision, Notification
from unmask.model.scans import Scan, ScanCampaign, Scored
from unmask.model.users import StoredUser
from unmask.model.versions import RecordVersion


@dataclass
class State:
    records: dict[str, dict[str, tuple[RecordBase, str]]] = field(default_factory=dict)
    added: dict[str, dict[str, datetime]] = field(default_factory=dict)  # when each was written
    versions: dict[str, dict[str, list[RecordVersion]]] = field(default_factory=dict)
    scans: dict[int, Scan] = field(default_factory=dict)
    findings: dict[int, list[Finding]] = field(default_factory=dict)
    assessments: dict[int, list[Scored]] = field(default_factory=dict)
    campaigns: dict[int, list[ScanCampaign]] = field(default_factory=dict)
    cases: dict[int, Case] = field(default_factory=dict)
    decisions: dict[int, Decision] = field(default_factory=dict)
    appeals: dict[int, Appeal] = field(default_factory=dict)
    states: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    actions: dict[int, Action] = field(default_factory=dict)
    notices: dict[int, Notification] = field(default_factory=dict)
    audit: list[ChainedEvent] = field(default_factory=list)
    users: dict[int, StoredUser] = field(default_factory=dict)
    tokens: dict[str, tuple[int, bool]] = field(default_factory=dict)  # digest: user, revoked
    sessions: dict[str, tuple[int, str, datetime]] = field(default_factory=dict)
    orgs: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # name, staff
    org_users: dict[int, str] = field(default_factory=dict)
    alerts: dict[int, tuple[str, StoredAlert]] = field(default_factory=dict)  # fingerprint
    triage: dict[int, TriageItem] = field(default_factory=dict)
    live: dict[int, LiveRecord] = field(default_factory=dict)
    context: dict[str, ContextObject] = field(default_factory=dict)
    files: dict[str, IngestFile] = field(default_factory=dict)
    quarantine: list[Quarantined] = field(default_factory=list)
    cursors: dict[str, FeedCursor] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)

    def next_id(self, what: str) -> int:
        self.ids[what] = self.ids.get(what, 0) + 1
        return self.ids[what]

    def copy(self) -> State:
        """Containers copied two levels deep; the values are immutable, apart from the JSON
        held in actions and audit payloads, which is copied whole."""
        out: dict[str, Any] = {}
        for name, value in vars(self).items():
            if name in ("records", "added"):
                out[name] = {k: dict(v) for k, v in value.items()}
            elif name == "versions":
                out[name] = {k: {kk: list(vv) for kk, vv in v.items()} for k, v in value.items()}
            elif isinstance(value, dict):
                out[name] = {k: list(v) if isinstance(v, list) else v for k, v in value.items()}
            else:
                out[name] = list(value)
        fresh = State(**out)
        fresh.actions = copy.deepcopy(self.actions)
        return fresh
