"""Member reports: stored as Report records; they raise a case's priority by each reporter's
track record, and a burst from a cluster of new accounts is treated as suspicious in itself."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from unmask.cases.priority import ReportIn, ReportSignal, Track, report_signal
from unmask.cases.queries import records_in
from unmask.model.enums import ReportReason
from unmask.model.records import Account, Report
from unmask.scoring.policy import Review
from unmask.store.interface import UnitOfWork


def tracks(uow: UnitOfWork, reporters: set[str]) -> dict[str, Track]:
    """How often each reporter's earlier reports ended in a removal or restriction."""
    earlier = records_in(uow.records, Report, "reporter", reporters)
    verdicts = uow.cases.latest_for(sorted({r.reported for r in earlier}))
    right: dict[str, int] = defaultdict(int)
    wrong: dict[str, int] = defaultdict(int)
    for rep in earlier:
        case = verdicts.get(rep.reported)
        if case is None or case.status != "closed":
            continue
        if case.outcome in ("removed", "restricted"):
            right[rep.reporter] += 1
        elif case.outcome == "cleared":
            wrong[rep.reporter] += 1
    return {r: Track(right[r], wrong[r]) for r in reporters}


def report_signals(uow: UnitOfWork, subjects: list[str], review: Review) -> dict[str, ReportSignal]:
    reports = records_in(uow.records, Report, "reported", subjects)
    if not reports:
        return {}
    reporters = {r.reporter for r in reports}
    created = {a.id: a.created_at for a in records_in(uow.records, Account, "id", reporters)}
    track = tracks(uow, reporters)
    by_subject: dict[str, list[ReportIn]] = defaultdict(list)
    for rep in reports:
        by_subject[rep.reported].append(
            ReportIn(rep.reporter, rep.created_at, created.get(rep.reporter))
        )
    return {s: report_signal(items, track, review) for s, items in by_subject.items()}


@dataclass(frozen=True)
class Filed:
    report: Report
    signal: ReportSignal


def new_report(
    reporter: str,
    reported: str,
    reason: str,
    text: str,
    invitation_id: str | None,
    message_id: str | None,
) -> Report:
    return Report(
        id=f"rep-{uuid.uuid4().hex[:16]}",
        reporter=reporter,
        reported=reported,
        created_at=datetime.now(UTC),
        reason=ReportReason(reason),
        text=text,
        invitation_id=invitation_id,
        message_id=message_id,
    )
