"""Scans and what they found, in memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime

from unmask.model.findings import Assessment, Finding
from unmask.model.scans import Scan, ScanCampaign, Scored
from unmask.store.memory.state import State


def strongest_first(f: Finding) -> tuple[bool, float, str]:
    return (f.score is None, -(f.score or 0.0), f.detector)


class MemoryScans:
    def __init__(self, state: State) -> None:
        self.state = state

    def open(self, engine: str, policy_version: str, detectors: Sequence[str]) -> int:
        sid = self.state.next_id("scan")
        now = datetime.now(UTC)
        self.state.scans[sid] = Scan(
            sid, now, None, engine, policy_version, tuple(detectors), "running"
        )
        return sid

    def write(
        self, scan_id: int, assessed: Sequence[Assessment], campaigns: Sequence[ScanCampaign]
    ) -> None:
        s = self.state
        s.findings[scan_id] = [f for a in assessed for f in a.findings] + [
            f for c in campaigns for f in c.findings
        ]
        s.assessments[scan_id] = [
            Scored(a.subject, a.risk, a.route, a.policy_version, a.subject_kind) for a in assessed
        ]
        s.campaigns[scan_id] = list(campaigns)
        now = datetime.now(UTC)
        s.scans[scan_id] = dataclasses.replace(s.scans[scan_id], finished_at=now, status="done")

    def record_findings(
        self, engine: str, policy_version: str, detectors: Sequence[str], found: Sequence[Finding]
    ) -> int:
        sid = self.state.next_id("scan")
        now = datetime.now(UTC)
        self.state.scans[sid] = Scan(
            sid, now, now, engine, policy_version, tuple(detectors), engine
        )
        self.state.findings[sid] = list(found)
        return sid

    def fail(self, scan_id: int) -> None:
        scan = self.state.scans[scan_id]
        self.state.scans[scan_id] = dataclasses.replace(scan, status="failed")

    def get(self, scan_id: int) -> Scan | None:
        return self.state.scans.get(scan_id)

    def latest(self, finished: bool = True) -> Scan | None:
        ids = [i for i, s in self.state.scans.items() if s.finished or not finished]
        return self.state.scans[max(ids)] if ids else None

    def findings(self, scan_id: int, subject: str) -> list[Finding]:
        found = [f for f in self.state.findings.get(scan_id, []) if f.subject == subject]
        return sorted(found, key=strongest_first)

    def findings_of(self, scan_id: int, subjects: Sequence[str]) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for s in sorted(set(subjects)):
            found = self.findings(scan_id, s)
            if found:
                out[s] = found
        return out

    def assessments(
        self,
        scan_id: int,
        *,
        subjects: Sequence[str] | None = None,
        routes: Sequence[str] | None = None,
        subject_kind: str | None = None,
        limit: int | None = None,
    ) -> list[Scored]:
        wanted = set(subjects) if subjects is not None else None
        found = [
            a
            for a in self.state.assessments.get(scan_id, [])
            if (wanted is None or a.subject in wanted)
            and (routes is None or a.route in routes)
            and (subject_kind is None or a.subject_kind == subject_kind)
        ]
        found.sort(key=lambda a: (-a.risk, a.subject))
        return found[:limit] if limit is not None else found

    def campaigns(self, scan_id: int) -> list[ScanCampaign]:
        return sorted(self.state.campaigns.get(scan_id, []), key=lambda c: c.key)
