"""The organisation view (pure): approaches made to enrolled staff, the campaigns that touch
several of them, and management figures.

An *approach* is an invitation or message to a staff member from an account that is labelled
fake, assessed at or above the review threshold in the latest scan, or reported by any member.
A *campaign* is the sender's campaign label when one is known, otherwise the sender alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from unmask.model import Snapshot


@dataclass(frozen=True, slots=True)
class Approach:
    at: datetime
    kind: str  # invitation | message
    sender: str
    sender_name: str
    staff: str
    campaign: str


@dataclass(frozen=True, slots=True)
class StaffReport:
    at: datetime
    reporter: str
    reported: str
    reason: str


@dataclass(frozen=True)
class OrgView:
    staff_on_platform: int
    approaches: tuple[Approach, ...]
    campaigns: dict[str, int]  # campaign -> distinct staff approached (only those >= 2)
    approaches_by_month: dict[str, int]
    reports_by_month: dict[str, int]
    sectors_targeted: dict[str, int] = field(default_factory=dict)
    reports: tuple[StaffReport, ...] = ()  # reports filed by staff, oldest first

    def as_dict(self) -> dict[str, object]:
        return {
            "staff_on_platform": self.staff_on_platform,
            "approaches": [
                {
                    "at": a.at.isoformat(),
                    "kind": a.kind,
                    "sender": a.sender,
                    "sender_name": a.sender_name,
                    "staff": a.staff,
                    "campaign": a.campaign,
                }
                for a in self.approaches
            ],
            "campaigns": self.campaigns,
            "approaches_by_month": self.approaches_by_month,
            "reports_by_month": self.reports_by_month,
            "sectors_targeted": self.sectors_targeted,
        }


def _month(at: datetime) -> str:
    return f"{at.year:04d}-{at.month:02d}"


def suspicious_senders(snapshot: Snapshot, risk: Mapping[str, float], review: float) -> set[str]:
    fake = {lb.account_id for lb in snapshot.labels if lb.label.value == "fake"}
    reported = {r.reported for r in snapshot.reports}
    flagged = {a for a, r in risk.items() if r >= review}
    return fake | reported | flagged


def org_view(
    snapshot: Snapshot,
    is_staff: Callable[[str], bool],
    risk: Mapping[str, float],
    review: float = 0.5,
) -> OrgView:
    staff = {a for a in snapshot.accounts if is_staff(a)}
    suspects = suspicious_senders(snapshot, risk, review)
    campaign = {lb.account_id: lb.campaign for lb in snapshot.labels if lb.campaign}
    approaches: list[Approach] = []
    seen: set[tuple[str, str]] = set()
    contacts = [(i.sent_at, "invitation", i.sender, i.recipient) for i in snapshot.invitations]
    contacts += [(m.sent_at, "message", m.sender, m.recipient) for m in snapshot.messages]
    targets: dict[str, set[str]] = defaultdict(set)
    for at, kind, sender, recipient in sorted(contacts):
        if sender not in suspects:
            continue
        camp = campaign.get(sender) or f"persona {sender}"
        targets[camp].add(recipient)
        if recipient not in staff or (sender, recipient) in seen:
            continue
        seen.add((sender, recipient))
        account = snapshot.accounts.get(sender)
        name = account.name if account else sender
        approaches.append(Approach(at, kind, sender, name, recipient, camp))
    touched: dict[str, set[str]] = defaultdict(set)
    for a in approaches:
        touched[a.campaign].add(a.staff)
    campaigns = {c: len(s) for c, s in sorted(touched.items()) if len(s) >= 2}
    sectors: Counter[str] = Counter()
    for camp in touched:
        for target in targets[camp]:
            sectors[snapshot.sector_of(target) or "unknown"] += 1
    filed = sorted(
        (
            StaffReport(r.created_at, r.reporter, r.reported, r.reason.value)
            for r in snapshot.reports
            if r.reporter in staff
        ),
        key=lambda r: (r.at, r.reporter, r.reported),
    )
    reports = Counter(_month(r.at) for r in filed)
    return OrgView(
        staff_on_platform=len(staff),
        approaches=tuple(approaches),
        campaigns=campaigns,
        approaches_by_month=dict(sorted(Counter(_month(a.at) for a in approaches).items())),
        reports_by_month=dict(sorted(reports.items())),
        sectors_targeted=dict(sectors.most_common()),
        reports=tuple(filed),
    )
