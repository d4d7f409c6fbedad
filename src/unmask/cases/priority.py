"""Queue priority, pure: risk weighed by the exposure of the people an account approached, plus
member reports weighed by each reporter's track record. A burst of reports from a cluster of new
accounts adds nothing: it is itself suspicious (mass reporting is a known way to silence people).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from unmask.model.enums import SENSITIVE_SECTORS
from unmask.scoring.policy import Review

_SENSITIVE = frozenset(s.value for s in SENSITIVE_SECTORS)


def exposure(recipient_sectors: Iterable[str | None], scale: float = 10.0) -> float:
    """How many sensitive-sector people were approached, on a 0..1 scale that saturates:
    ``1 - exp(-n / scale)`` (10 people with the default scale: 0.63; 30: 0.95)."""
    n = sum(1 for s in recipient_sectors if s in _SENSITIVE)
    return round(1.0 - math.exp(-n / scale), 4)


@dataclass(frozen=True)
class Track:
    """A reporter's record: reports later confirmed (account removed/restricted) or not."""

    right: int = 0
    wrong: int = 0


def reliability(track: Track, review: Review) -> float:
    """Posterior mean of a Beta prior: most reporters are rarely right, a few reliably so."""
    a, b = review.reporter_prior_right, review.reporter_prior_wrong
    return (track.right + a) / (track.right + track.wrong + a + b)


@dataclass(frozen=True)
class ReportIn:
    reporter: str
    at: datetime
    reporter_created: datetime | None


@dataclass(frozen=True)
class ReportSignal:
    score: float
    reporters: int
    burst: tuple[str, ...]  # reporters taking part in a burst (not counted in score)


def find_burst(reports: Sequence[ReportIn], review: Review) -> tuple[str, ...]:
    """Reporters in the densest window of reports from new accounts, when there are enough."""
    young = sorted(
        (
            r
            for r in reports
            if r.reporter_created is not None
            and r.at - r.reporter_created <= timedelta(days=review.burst_new_account_days)
        ),
        key=lambda r: r.at,
    )
    window = timedelta(hours=review.burst_window_hours)
    best: set[str] = set()
    for i, first in enumerate(young):
        inside = {r.reporter for r in young[i:] if r.at - first.at <= window}
        if len(inside) > len(best):
            best = inside
    return tuple(sorted(best)) if len(best) >= review.burst_min_reports else ()


def report_signal(
    reports: Sequence[ReportIn], tracks: Mapping[str, Track], review: Review
) -> ReportSignal:
    burst = set(find_burst(reports, review))
    survive = 1.0
    counted = {r.reporter for r in reports} - burst
    for reporter in counted:
        survive *= 1.0 - reliability(tracks.get(reporter, Track()), review)
    return ReportSignal(round(1.0 - survive, 4), len(counted), tuple(sorted(burst)))


def priority(risk: float, exposure_: float, report_score: float, review: Review) -> float:
    value = risk * (1.0 + review.exposure_weight * exposure_) + review.report_weight * report_score
    return round(value, 4)
