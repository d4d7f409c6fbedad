"""Dashboard figures: the queue's size and age, decisions per day, precision of removals (share
not overturned on appeal), time from first approach to removal, and an estimate of how many
members of each sector were approached by flagged accounts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from statistics import median

from unmask.cases.queries import records_in
from unmask.cases.repo import QUEUE_STATUSES, Filters
from unmask.model.records import Account, Invitation, Message, Organisation
from unmask.model.snapshot import Snapshot
from unmask.store.interface import DataStore, UnitOfWork
from unmask.store.queries import all_records

AGE_BUCKETS = ((1, "< 1 d"), (3, "1–3 d"), (7, "3–7 d"), (14, "1–2 wk"), (10**6, "> 2 wk"))


@dataclass
class Dashboard:
    by_status: dict[str, int] = field(default_factory=dict)
    ages: list[tuple[str, int]] = field(default_factory=list)
    oldest_days: float = 0.0
    days: list[str] = field(default_factory=list)
    per_day: dict[str, list[int]] = field(default_factory=dict)
    removals: int = 0
    overturned: int = 0
    to_removal_days: list[float] = field(default_factory=list)
    prevalence: list[tuple[str, int, float]] = field(default_factory=list)  # sector, n, expected
    restricted_awaiting: int = 0  # restricted by policy, no reviewer has decided yet
    restricted_reviewed: int = 0  # restricted by a reviewer

    @property
    def queued(self) -> int:
        return sum(n for s, n in self.by_status.items() if s in QUEUE_STATUSES)

    @property
    def precision(self) -> float | None:
        return 1 - self.overturned / self.removals if self.removals else None

    @property
    def median_to_removal(self) -> float | None:
        return median(self.to_removal_days) if self.to_removal_days else None


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _queue(uow: UnitOfWork, d: Dashboard, now: datetime) -> None:
    summary = uow.cases.summary()
    d.by_status = summary.by_status
    ages = [(now - _aware(t)).total_seconds() / 86400 for t in summary.queued_opened]
    d.oldest_days = max(ages, default=0.0)
    d.ages = [
        (name, sum(1 for a in ages if lo <= a < hi))
        for (lo, _), (hi, name) in zip(((0, ""), *AGE_BUCKETS[:-1]), AGE_BUCKETS, strict=True)
    ]


def _per_day(uow: UnitOfWork, d: Dashboard, now: datetime, span: int = 14) -> None:
    start = (now - timedelta(days=span - 1)).date()
    d.days = [(start + timedelta(days=i)).strftime("%d %b") for i in range(span)]
    counts: dict[str, list[int]] = {a: [0] * span for a in ("clear", "restrict", "remove")}
    for dec in uow.cases.decisions_with(("applied", "approved")):
        day = _aware(dec.resolved_at or dec.created_at).date()
        if dec.action in counts and start <= day <= now.date():
            counts[dec.action][(day - start).days] += 1
    d.per_day = counts


def _removals(uow: UnitOfWork, d: Dashboard) -> None:
    removals = uow.enforcement.actions_of_kind("remove")
    removed: dict[str, datetime] = {}
    for a in removals:
        removed[a.subject] = min(removed.get(a.subject, a.at), a.at)
    d.removals = len(removed)
    removed_cases = {a.case_id for a in removals}
    d.overturned = sum(
        1 for a in uow.cases.appeals_with("overturned") if a.case_id in removed_cases
    )
    first: dict[str, datetime] = {}
    sent: list[Invitation | Message] = [*records_in(uow.records, Invitation, "sender", removed)]
    sent += records_in(uow.records, Message, "sender", removed)
    for rec in sent:
        first[rec.sender] = min(first.get(rec.sender, rec.sent_at), rec.sent_at)
    d.to_removal_days = sorted(
        max(0.0, (_aware(removed[s]) - first[s]).total_seconds() / 86400) for s in first
    )


def _prevalence(uow: UnitOfWork, d: Dashboard) -> None:
    """Share of each sector's members approached by an account a reviewer confirmed as fake
    (removed or restricted by a decision). Only reviewed outcomes count: an account restricted
    automatically by the policy, or merely flagged, is not a confirmed fake (it is counted on its
    own, ``restricted_awaiting``)."""
    everything, _ = uow.cases.search(Filters(status=None, limit=10**9))
    risk: dict[str, float] = {}
    for case in sorted(everything, key=lambda c: c.id):
        if case.outcome == "restricted":
            if case.status == "closed":
                d.restricted_reviewed += 1
            else:
                d.restricted_awaiting += 1
        if case.status == "closed":
            risk[case.subject] = 1.0 if case.outcome in ("removed", "restricted") else 0.0
    survive: dict[str, float] = {}
    sent: list[Invitation | Message] = [*records_in(uow.records, Invitation, "sender", risk)]
    sent += records_in(uow.records, Message, "sender", risk)
    for pair in {(rec.sender, rec.recipient) for rec in sent}:
        survive[pair[1]] = survive.get(pair[1], 1.0) * (1.0 - risk[pair[0]])
    snap = Snapshot(
        accounts={a.id: a for a in all_records(uow.records, Account)},
        organisations={o.id: o for o in all_records(uow.records, Organisation)},
    )
    members: Counter[str] = Counter()
    expected: dict[str, float] = {}
    for account_id in snap.accounts:
        if risk.get(account_id, 0.0) > 0:
            continue
        sector = snap.sector_of(account_id) or "unknown"
        members[sector] += 1
        expected[sector] = expected.get(sector, 0.0) + 1.0 - survive.get(account_id, 1.0)
    d.prevalence = sorted(
        ((s, members[s], expected[s]) for s in members), key=lambda r: -(r[2] / r[1])
    )


def dashboard(store: DataStore, now: datetime | None = None) -> Dashboard:
    now = now or datetime.now(UTC)
    d = Dashboard()
    with store.unit_of_work() as uow:
        _queue(uow, d, now)
        _per_day(uow, d, now)
        _removals(uow, d)
        _prevalence(uow, d)
    return d
