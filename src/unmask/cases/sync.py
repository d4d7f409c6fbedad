"""From the latest scan to the queue: every assessment routed to review (or auto-restriction)
becomes a case, idempotently. Auto-restricted accounts are restricted by the system at once and
wait in the queue for a person to confirm or lift the restriction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unmask.actions.enforce import Step, run_ladder
from unmask.cases.campaigns import campaign_of, cluster
from unmask.cases.context import exposures
from unmask.cases.evidence import evidence_snapshot
from unmask.cases.priority import priority
from unmask.cases.reports import report_signals
from unmask.cases.service import Desk
from unmask.model.review import Case
from unmask.store.interface import UnitOfWork

SYSTEM = "system"


@dataclass(frozen=True)
class SyncResult:
    scan_id: int | None
    opened: int = 0
    updated: int = 0
    auto_restricted: int = 0


def _links(uow: UnitOfWork, scan_id: int, flagged: set[str]) -> list[tuple[str, str]]:
    """Flagged accounts that name each other in their evidence."""
    found = uow.scans.findings_of(scan_id, sorted(flagged))
    return [
        (subject, r)
        for subject in sorted(found)
        for f in found[subject]
        for e in f.evidence
        for r in e.related
        if r in flagged
    ]


def _campaigns(uow: UnitOfWork, scan_id: int, flagged: set[str]) -> dict[str, str]:
    """Each flagged account's campaign: the key the engine stored for the scan (one campaign id
    everywhere: cases, campaign pages, exports); accounts in no stored campaign are grouped by
    naming each other in their evidence, as before campaigns were stored."""
    stored = {m: c.key for c in uow.scans.campaigns(scan_id) for m in c.members if m in flagged}
    rest = flagged - set(stored)
    return {**campaign_of(cluster(rest, _links(uow, scan_id, rest))), **stored}


def _wanted(row: Any, existing: Case | None, margin: float) -> str:
    """What to do with one flagged assessment: open, update or skip."""
    if existing is None:
        return "open"
    if existing.status != "closed":
        return "update"
    if existing.outcome == "cleared" and row.risk >= existing.risk + margin:
        return "reopen"
    return "skip"


def sync_cases(desk: Desk) -> SyncResult:
    review = desk.policy.review
    with desk.store.unit_of_work() as uow:
        scan = uow.scans.latest()
        if scan is None:
            return SyncResult(None)
        scan_id = scan.id
        rows = uow.scans.assessments(
            scan_id, routes=("review", "auto_restrict"), subject_kind="account"
        )
        flagged = {r.subject for r in rows}
        camp = _campaigns(uow, scan_id, flagged)
        expo = exposures(uow.records, flagged, review.exposure_scale)
        reports = report_signals(uow, sorted(flagged), review)
        existing = uow.cases.latest_for(sorted(flagged))
    opened = updated = restricted = 0
    for row in sorted(rows, key=lambda r: -r.risk):
        old = existing.get(row.subject)
        todo = _wanted(row, old, review.reopen_margin)
        if todo == "skip":
            continue
        sig = reports.get(row.subject)
        rscore = sig.score if sig else 0.0
        values = {
            "scan_id": scan_id,
            "campaign": camp.get(row.subject),
            "risk": row.risk,
            "exposure": expo.get(row.subject, 0.0),
            "report_score": rscore,
            "priority": priority(row.risk, expo.get(row.subject, 0.0), rscore, review),
            "route": row.route,
            "policy_version": row.policy_version,
        }
        with desk.store.unit_of_work() as uow:  # a case, its audit event and any restriction
            if todo == "update" and old is not None:
                uow.cases.update(old.id, **values)
                updated += 1
                continue
            generation = old.generation + 1 if old else 1
            case_id = uow.cases.open(
                subject=row.subject, generation=generation, source="scan", status="open", **values
            )
            case = uow.cases.get(case_id)
            assert case is not None
            uow.audit.append(
                actor=SYSTEM,
                kind="case.opened",
                reason=f"routed to {row.route}",
                policy_version=row.policy_version,
                case_id=case_id,
                subject=row.subject,
                payload=evidence_snapshot(uow, case),
            )
            opened += 1
            if row.route == "auto_restrict":
                why = "auto-restricted by policy"
                crash = desk.crash
                step = Step(uow, case, None, SYSTEM, why, row.policy_version, crash)
                ladder = desk.policy.enforcement.steps("auto_restrict")
                run_ladder(step, desk.effects, ladder, frozenset())
                uow.cases.update(case_id, outcome="restricted")
                restricted += 1
    return SyncResult(scan_id, opened, updated, restricted)
