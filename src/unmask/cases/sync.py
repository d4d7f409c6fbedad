"""From the latest scan to the queue: every assessment routed to review (or auto-restriction)
becomes a case, idempotently. Auto-restricted accounts are restricted by the system at once and
wait in the queue for a person to confirm or lift the restriction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from unmask.actions.enforce import Step, restrict
from unmask.audit import append
from unmask.cases.campaigns import campaign_of, cluster
from unmask.cases.context import exposures
from unmask.cases.evidence import evidence_snapshot
from unmask.cases.priority import priority
from unmask.cases.repo import Case, get_case, insert_case, latest_for, update_case
from unmask.cases.reports import report_signals
from unmask.cases.service import Desk
from unmask.store.schema import assessments, findings, scans

SYSTEM = "system"


@dataclass(frozen=True)
class SyncResult:
    scan_id: int | None
    opened: int = 0
    updated: int = 0
    auto_restricted: int = 0


def latest_scan(conn: Connection) -> int | None:
    found = conn.execute(select(func.max(scans.c.id)).where(scans.c.status == "done")).scalar()
    return int(found) if found is not None else None


def _links(conn: Connection, scan_id: int, flagged: set[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    subjects = sorted(flagged)
    for i in range(0, len(subjects), 900):
        stmt = select(findings.c.subject, findings.c.evidence).where(
            findings.c.scan_id == scan_id, findings.c.subject.in_(subjects[i : i + 900])
        )
        for subject, evidence in conn.execute(stmt):
            for item in evidence or []:
                out.extend((subject, str(r)) for r in item.get("related", []) if r in flagged)
    return out


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
    with desk.store.connect() as conn:
        scan_id = latest_scan(conn)
        if scan_id is None:
            return SyncResult(None)
        rows = conn.execute(
            select(assessments).where(
                assessments.c.scan_id == scan_id,
                assessments.c.route.in_(("review", "auto_restrict")),
                assessments.c.subject_kind == "account",
            )
        ).all()
        flagged = {r.subject for r in rows}
        camp = campaign_of(cluster(flagged, _links(conn, scan_id, flagged)))
        expo = exposures(conn, flagged, review.exposure_scale)
        reports = report_signals(conn, sorted(flagged), review)
        existing = latest_for(conn, sorted(flagged))
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
        with desk.store.engine.begin() as conn:
            if todo == "update" and old is not None:
                update_case(conn, old.id, **values)
                updated += 1
                continue
            generation = old.generation + 1 if old else 1
            case_id = insert_case(
                conn,
                subject=row.subject,
                generation=generation,
                source="scan",
                status="open",
                **values,
            )
            case = get_case(conn, case_id)
            assert case is not None
            append(
                conn,
                actor=SYSTEM,
                kind="case.opened",
                reason=f"routed to {row.route}",
                policy_version=row.policy_version,
                case_id=case_id,
                subject=row.subject,
                payload=evidence_snapshot(conn, case),
            )
        opened += 1
        if row.route == "auto_restrict":
            step = Step(
                desk.store, case, None, SYSTEM, "auto-restricted by policy", row.policy_version
            )
            restrict(step, desk.effects)
            with desk.store.engine.begin() as conn:
                update_case(conn, case_id, outcome="restricted")
            restricted += 1
    return SyncResult(scan_id, opened, updated, restricted)
