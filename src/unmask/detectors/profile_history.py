"""``profile_history``: what an account changed about itself, and when.

A persona is re-dressed for each target: renamed, its headline and employer swapped shortly before
it starts sending invitations, its photo replaced. Ingest keeps each changed profile as a version
(``unmask.model.versions``); this detector reads ``Snapshot.history`` and reports, for a reviewer,
the name, headline, employer and photo changes observed within ``window_days`` before the snapshot
and any headline or employer change made within ``lead_days`` before the account's first
invitation after it. It abstains for accounts with no change history (most accounts: a change is
the signal, its absence is not evidence of anything).

The score is a transparent rule (a fixed share per kind of change, capped at 1), not a fitted
model: no public data set carries profile histories, so none of its shares or windows were chosen
on data. Its policy weight is 0 ([detectors.profile_history]): it adds evidence to cases without
moving the risk, until labelled history exists to measure it on (docs/detectors.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import pairwise
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.model import Account, Evidence, Finding, Snapshot
from unmask.model.versions import RecordVersion


def _employer(a: Account) -> str:
    current = [p for p in a.positions if p.end is None] or list(a.positions)
    return current[0].employer if current else ""


def _photo(a: Account) -> str:
    return "" if a.photo is None else (a.photo.sha256 or a.photo.pdq or a.photo.uri or "")[:16]


_FIELDS = {
    "name": lambda a: a.name,
    "headline": lambda a: a.headline,
    "employer": _employer,
    "photo": _photo,
}
_SHARES = {"name": 0.3, "headline": 0.15, "employer": 0.3, "photo": 0.2, "before_invitation": 0.3}


def changes(versions: Sequence[RecordVersion]) -> list[tuple[datetime, str, str, str]]:
    """(observed, field, before, after) for each field that changed between versions."""
    out: list[tuple[datetime, str, str, str]] = []
    for old, new in pairwise(versions):
        a, b = old.record, new.record
        if not (isinstance(a, Account) and isinstance(b, Account)):
            continue
        for field, read in _FIELDS.items():
            if read(a) != read(b):
                out.append((new.observed_at, field, read(a), read(b)))
    return out


class ProfileHistory:
    name: ClassVar[str] = "profile_history"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"account", "invitation"})
    description: ClassVar[str] = (
        "Renames, headline, employer and photo changes, and changes made just before the "
        "account starts inviting (from the stored profile history)."
    )

    def __init__(self, window_days: int = 30, lead_days: int = 14) -> None:
        self.window_days, self.lead_days = window_days, lead_days

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        out: list[Finding] = []
        for subject in subjects_of(snapshot, subjects):
            if subject not in snapshot.accounts:
                out.append(Finding.abstain(self.name, self.version, subject, "no profile"))
                continue
            seen = [v for v in snapshot.history.get(subject, ()) if v.observed_at <= snapshot.as_of]
            found = changes(seen)
            if not found:
                reason = "no change history for this account"
                out.append(Finding.abstain(self.name, self.version, subject, reason))
                continue
            out.append(self._finding(snapshot, subject, found))
        return out

    def _finding(
        self, snapshot: Snapshot, subject: str, found: list[tuple[datetime, str, str, str]]
    ) -> Finding:
        since = snapshot.as_of - timedelta(days=self.window_days)
        recent = [c for c in found if c[0] >= since]
        evidence: list[Evidence] = []
        fired: set[str] = set()
        for field in _FIELDS:
            hits = [c for c in recent if c[1] == field]
            if hits:
                fired.add(field)
                trail = " → ".join([hits[0][2], *(h[3] for h in hits)])
                what = "renamed" if field == "name" else f"{field} changed"
                text = f"{what} {len(hits)} time(s) in the last {self.window_days} days"
                data = {"field": field, "changes": len(hits), "trail": trail}
                evidence.append(Evidence(f"{text}: {trail}", _SHARES[field], data=data))
        lead = self._before_invitation(snapshot, subject, found)
        if lead is not None:
            fired.add("before_invitation")
            evidence.append(lead)
        if not evidence:
            text = f"{len(found)} profile change(s), none in the last {self.window_days} days"
            evidence.append(Evidence(text, 0.0, data={"changes": len(found)}))
        score = min(1.0, sum(_SHARES[f] for f in fired))
        return Finding(self.name, self.version, subject, round(score, 4), tuple(evidence))

    def _before_invitation(
        self, snapshot: Snapshot, subject: str, found: list[tuple[datetime, str, str, str]]
    ) -> Evidence | None:
        sent = sorted(i.sent_at for i in snapshot.invitations_by_sender.get(subject, ()))
        for when, field, before, after in found:
            if field not in ("headline", "employer"):
                continue
            later = [t for t in sent if t >= when]
            if later and later[0] - when <= timedelta(days=self.lead_days):
                days = (later[0] - when).days
                text = (
                    f"{field} changed from {before or '(none)'!r} to {after or '(none)'!r} "
                    f"{days} day(s) before the first invitation after it"
                )
                data = {"field": field, "before": before, "after": after, "lead_days": days}
                return Evidence(text, _SHARES["before_invitation"], data=data)
        return None
