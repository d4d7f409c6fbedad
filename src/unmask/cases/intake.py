"""Filing a member report: validated, stored as a Report record, audited, and reflected in the
queue (a case's priority, a new case, or cases for the reporters of a burst)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from unmask.audit import append
from unmask.auth import User
from unmask.cases.campaigns import campaign_id
from unmask.cases.context import exposures
from unmask.cases.machine import TransitionError
from unmask.cases.priority import priority
from unmask.cases.repo import Case, insert_case, latest_for, update_case
from unmask.cases.reports import new_report, report_signals
from unmask.cases.service import Desk
from unmask.cases.sync import latest_scan
from unmask.ingest.validate import content_hash
from unmask.store import record_row
from unmask.store.schema import RECORD_TABLES, assessments


@dataclass(frozen=True)
class ReportResult:
    report_id: str
    case_id: int | None
    burst: tuple[str, ...]


def _risk(conn: Connection, subject: str) -> float:
    scan_id = latest_scan(conn)
    found = conn.execute(
        select(assessments.c.risk).where(
            assessments.c.scan_id == scan_id, assessments.c.subject == subject
        )
    ).scalar()
    return float(found) if found is not None else 0.0


def _check_refs(
    conn: Connection, reporter: str, reported: str, inv: str | None, msg: str | None
) -> None:
    accounts = RECORD_TABLES["account"]
    found = set(
        conn.execute(
            select(accounts.c.key).where(accounts.c.key.in_([reporter, reported]))
        ).scalars()
    )
    for who, role in ((reporter, "reporter"), (reported, "reported")):
        if who not in found:
            raise TransitionError(f"{role}: no account {who!r}", 422)
    if reporter == reported:
        raise TransitionError("reporter and reported are the same account", 422)
    for kind, ref in (("invitation", inv), ("message", msg)):
        if ref is None:
            continue
        t = RECORD_TABLES[kind]
        row = conn.execute(select(t.c.sender, t.c.recipient).where(t.c.key == ref)).first()
        if row is None or {row.sender, row.recipient} != {reporter, reported}:
            raise TransitionError(f"{kind}_id: no {kind} {ref!r} between these two accounts", 422)


def _open_or_update(
    desk: Desk,
    subject: str,
    source: str,
    risk: float,
    score: float,
    note: str,
    campaign: str | None,
    reason: str,
) -> int | None:
    review = desk.policy.review
    with desk.store.engine.begin() as conn:
        old: Case | None = latest_for(conn, [subject]).get(subject)
        if old is not None and old.status != "closed":
            note_ = old.note if note in old.note else (old.note + " " + note).strip()
            update_case(
                conn,
                old.id,
                report_score=score,
                note=note_,
                priority=priority(old.risk, old.exposure, score, review),
            )
            return old.id
        if old is not None and old.outcome in ("removed", "restricted"):
            return old.id
        expo = exposures(conn, [subject], review.exposure_scale).get(subject, 0.0)
        case_id = insert_case(
            conn,
            subject=subject,
            generation=(old.generation + 1) if old else 1,
            source=source,
            scan_id=latest_scan(conn),
            campaign=campaign,
            risk=risk,
            exposure=expo,
            report_score=score,
            priority=priority(risk, expo, score, review),
            route="review",
            status="open",
            policy_version=desk.policy.version,
            note=note,
        )
        append(
            conn,
            actor="system",
            kind="case.opened",
            reason=reason,
            policy_version=desk.policy.version,
            case_id=case_id,
            subject=subject,
            payload={"source": source, "risk": risk, "report_score": score},
        )
        return case_id


def file_report(
    desk: Desk,
    user: User,
    *,
    reporter: str,
    reported: str,
    reason: str,
    text: str = "",
    invitation_id: str | None = None,
    message_id: str | None = None,
) -> ReportResult:
    review = desk.policy.review
    report = new_report(reporter, reported, reason, text, invitation_id, message_id)
    now = datetime.now(UTC)
    with desk.store.engine.begin() as conn:
        _check_refs(conn, reporter, reported, invitation_id, message_id)
        conn.execute(
            RECORD_TABLES["report"].insert().values(record_row(report, content_hash(report), now))
        )
        append(
            conn,
            actor=user.name,
            kind="report.received",
            reason=reason,
            policy_version=desk.policy.version,
            subject=reported,
            payload={
                "report_id": report.id,
                "reporter": reporter,
                "text": text[:500],
                "invitation_id": invitation_id,
                "message_id": message_id,
            },
        )
        signal = report_signals(conn, [reported], review)[reported]
        risk = _risk(conn, reported)
    note = ""
    if signal.burst:
        note = (
            f"Burst of {len(signal.burst)} reports from new accounts: treated as suspicious "
            "in itself, not as evidence against this account."
        )
    case_id = None
    if signal.reporters or note:
        case_id = _open_or_update(
            desk,
            reported,
            "report",
            risk,
            signal.score,
            note,
            None,
            f"reported by members ({reason})",
        )
    if signal.burst:
        cid = campaign_id(signal.burst)
        for who in signal.burst:
            with desk.store.connect() as conn:
                own = max(_risk(conn, who), review.burst_risk)
            _open_or_update(
                desk,
                who,
                "report_burst",
                own,
                0.0,
                f"Took part in a burst of reports against {reported}.",
                cid,
                "part of a report burst from new accounts",
            )
    return ReportResult(report.id, case_id, signal.burst)
