"""Career plausibility from an account's positions and education (pure helpers).

Used by ``profile_features``: impossible dates, overlapping positions, title inflation and
employers that are not on the platform. Every helper returns NaN when there is nothing to judge
(no dated positions, no organisations in the snapshot), never a silent 0.
"""

from __future__ import annotations

import math
import re
from datetime import date

from unmask.model import Account, Snapshot

NAN = math.nan
_EARLIEST = date(1940, 1, 1)
_MAX_CAREER_YEARS = 55.0
_FAST_YEARS = 3.0
_OVERLAP_DAYS = 183  # a side job of a few months is normal; half a year of two jobs is noted

# Seniority of a title: 3 C-level / owner, 2 director / head / VP / partner, 1 senior / lead.
_SENIORITY: tuple[tuple[int, re.Pattern[str]], ...] = (
    (3, re.compile(r"\b(chief|ceo|cto|cfo|coo|ciso|president|founder|co-founder|owner)\b")),
    (2, re.compile(r"\b(director|head of|vp|vice president|partner|principal|managing)\b")),
    (1, re.compile(r"\b(senior|sr\.?|lead|manager|lecturer|professor)\b")),
)


def title_seniority(title: str) -> int:
    text = title.casefold()
    for level, pattern in _SENIORITY:
        if pattern.search(text):
            return level
    return 0


def _years(a: date, b: date) -> float:
    return (b - a).days / 365.25


def _impossible(start: date | None, end: date | None, is_job: bool, today: date) -> bool:
    return bool(
        (start is not None and end is not None and end < start)
        or (start is not None and (start > today or start < _EARLIEST))
        or (is_job and end is not None and end > today)
    )


def impossible_dates(account: Account, today: date) -> float:
    """Entries whose dates cannot be true: end before start, in the future, or absurdly early."""
    spans = [(p.start, p.end, True) for p in account.positions]
    spans += [(e.start, e.end, False) for e in account.education]
    dated = [s for s in spans if s[0] is not None or s[1] is not None]
    if not dated:
        return NAN
    bad = sum(1 for start, end, is_job in dated if _impossible(start, end, is_job, today))
    starts = [p.start for p in account.positions if p.start is not None]
    if starts and _years(min(starts), today) > _MAX_CAREER_YEARS:
        bad += 1
    return float(bad)


def overlapping_positions(account: Account, today: date) -> float:
    """Pairs of positions that overlap by more than about six months."""
    spans = [(p.start, p.end or today) for p in account.positions if p.start is not None]
    if not spans:
        return NAN
    pairs = 0
    for i, (s1, e1) in enumerate(spans):
        for s2, e2 in spans[i + 1 :]:
            if (min(e1, e2) - max(s1, s2)).days > _OVERLAP_DAYS:
                pairs += 1
    return float(pairs)


def career_years(account: Account, today: date) -> float:
    starts = [p.start for p in account.positions if p.start is not None]
    return max(_years(min(starts), today), 0.0) if starts else NAN


def max_seniority(account: Account) -> float:
    titles = [p.title for p in account.positions if p.title]
    return float(max(title_seniority(t) for t in titles)) if titles else NAN


def title_inflation(account: Account) -> float:
    """1 when a director-level (or higher) title began within 3 years of the first listed job."""
    dated = [(p.start, p.title) for p in account.positions if p.start is not None and p.title]
    if not dated:
        return NAN
    first = min(start for start, _ in dated)
    fast = any(
        title_seniority(title) >= 2 and _years(first, start) < _FAST_YEARS for start, title in dated
    )
    return 1.0 if fast else 0.0


def employers(account: Account) -> list[str]:
    seen: dict[str, None] = {}
    for p in account.positions:
        seen.setdefault(p.organisation_id or p.employer.casefold(), None)
    return list(seen)


def employers_off_platform(account: Account, snapshot: Snapshot) -> float:
    """Distinct employers with no organisation page in the snapshot (NaN: no pages known)."""
    if not snapshot.organisations:
        return NAN
    off: set[str] = set()
    for p in account.positions:
        on = (p.organisation_id in snapshot.organisations) or (
            p.employer.casefold() in snapshot.organisations_by_name
        )
        if not on:
            off.add(p.organisation_id or p.employer.casefold())
    return float(len(off))
