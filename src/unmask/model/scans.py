"""What a scan leaves in the store: the scan itself, each subject's scored assessment (without
its findings, which are read on their own) and the campaigns it found."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from unmask.model.findings import Finding


@dataclass(frozen=True, slots=True)
class Scan:
    id: int
    started_at: datetime
    finished_at: datetime | None
    engine: str
    policy_version: str
    detectors: tuple[str, ...]
    status: str  # running | done | failed

    @property
    def finished(self) -> bool:
        return self.status == "done"


@dataclass(frozen=True, slots=True)
class Scored:
    """One subject's stored assessment: its risk and route under the scan's policy."""

    subject: str
    risk: float
    route: str
    policy_version: str
    subject_kind: str = "account"


@dataclass(frozen=True, slots=True)
class ScanCampaign:
    """Linked flagged accounts as one scan stored them (``risk``/``route`` are the campaign's)."""

    key: str
    members: tuple[str, ...]
    risk: float
    route: str
    policy_version: str
    links: dict[str, int] = field(default_factory=dict)
    pairs: tuple[tuple[str, str, str], ...] = ()
    targets: tuple[dict[str, Any], ...] = ()
    findings: tuple[Finding, ...] = ()  # how the members are linked (detector campaign_links)

    @property
    def n_sensitive(self) -> int:
        return sum(1 for t in self.targets if t.get("sensitive"))
