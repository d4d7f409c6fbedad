"""Filing a member report: validated, stored as a Report record, audited, and reflected in the
queue (a case's priority, a new case, or cases for the reporters of a burst)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from unmask.auth import User
from unmask.cases.campaigns import campaign_id
from unmask.cases.context import exposures
from unmask.cases.machine import TransitionError
from unmask.cases.priority import priority
from unmask.cases.reports import new_report, report_signals
from unmask.cases.service import Desk
from unmask.ingest.validate import content_hash
from unmask.model.records import Invitation, Message
from unmask.model.review import Case
from unmask.store.interface import UnitOfWork


@dataclass(frozen=True)
class ReportResult:
    report_id: str
    case_id: int | None
    burst: tuple[str, ...]


def _latest_scan(uow: UnitOfWork) -> int | None:
    scan = uow.scans.latest()
    return scan.id if scan is not None else None


def _risk(uow: UnitOfWork, subject: str) -> float:
    scan_id = _latest_scan(uow)
    found = uow.scans.assessments(scan_id, subjects=[subject]) if scan_id is not None else []
    return found[0].risk if found else 0.0


def _check_refs(
    uow: UnitOfWork, reporter: str, reported: str, inv: str | None, msg: str | None
) -> None:
    for who, role in ((reporter, "reporter"), (reported, "reported")):
        if uow.records.get("account", who) is None:
            raise TransitionError(f"{role}: no account {who!r}", 422)
    if reporter == reported:
        raise TransitionError("reporter and reported are the same account", 422)
    for kind, ref in (("invitation", inv), ("message", msg)):
        if ref is None:
            continue
        row = uow.records.get(kind, ref)
        between = isinstance(row, Invitation | Message) and {row.sender, row.recipient} == {
            reporter,
            reported,
        }
        if not between:
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
    with desk.store.unit_of_work() as uow:
        old: Case | None = uow.cases.latest_for([subject]).get(subject)
        if old is not None and old.status != "closed":
            note_ = old.note if note in old.note else (old.note + " " + note).strip()
            uow.cases.update(
                old.id,
                report_score=score,
                note=note_,
                priority=priority(old.risk, old.exposure, score, review),
            )
            return old.id
        if old is not None and old.outcome in ("removed", "restricted"):
            return old.id
        expo = exposures(uow.records, [subject], review.exposure_scale).get(subject, 0.0)
        case_id = uow.cases.open(
            subject=subject,
            generation=(old.generation + 1) if old else 1,
            source=source,
            scan_id=_latest_scan(uow),
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
        uow.audit.append(
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
    with desk.store.unit_of_work() as uow:
        _check_refs(uow, reporter, reported, invitation_id, message_id)
        uow.records.add_new([(report, content_hash(report))], now)
        uow.audit.append(
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
        signal = report_signals(uow, [reported], review)[reported]
        risk = _risk(uow, reported)
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
            with desk.store.unit_of_work() as uow:
                own = max(_risk(uow, who), review.burst_risk)
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
