"""Reconnaissance: accounts (or logged-out IPs) that enumerate profiles, as a harvesting service
does. One scoring of the profile-view features, used by the live path and the batch detector.

Components, each in [0, 1]: velocity (views a minute, distinct profiles an hour), sequential
enumeration (consecutive ids), search-driven browsing, concentration on one organisation and on
sensitive-sector staff. The score is their noisy-OR. Thresholds are settings of ``ReconRules``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from unmask.model import Evidence


def ramp(x: float, lo: float, hi: float) -> float:
    """0 at or below ``lo``, 1 at or above ``hi``, linear between."""
    if x <= lo:
        return 0.0
    return 1.0 if x >= hi else (x - lo) / (hi - lo)


@dataclass(frozen=True)
class ReconRules:
    minute_lo: float = 6.0
    minute_hi: float = 30.0
    distinct_lo: float = 40.0
    distinct_hi: float = 300.0
    min_views: float = 10.0
    weights: tuple[tuple[str, float], ...] = (
        ("velocity", 0.7),
        ("sequential", 0.8),
        ("search", 0.5),
        ("organisation", 0.6),
        ("sensitive", 0.7),
    )


def components(f: Mapping[str, float], rules: ReconRules = ReconRules()) -> dict[str, float]:
    views = f.get("views_hour", 0.0)
    distinct = max(f.get("distinct_viewed_hour", 0.0), 1.0)
    seq_share = f.get("sequential_views_hour", 0.0) / max(views, 1.0)
    search_share = f.get("search_views_hour", 0.0) / max(views, 1.0)
    org = f.get("same_org_targets", 0.0)
    sens = f.get("sensitive_targets", 0.0)
    return {
        "velocity": max(
            ramp(f.get("views_minute", 0.0), rules.minute_lo, rules.minute_hi),
            ramp(distinct, rules.distinct_lo, rules.distinct_hi),
        ),
        "sequential": ramp(seq_share, 0.3, 0.8) * ramp(views, rules.min_views, 4 * rules.min_views),
        "search": ramp(search_share, 0.6, 0.95) * ramp(views, 2 * rules.min_views, 80.0),
        "organisation": ramp(org, 8.0, 30.0) * ramp(org / distinct, 0.3, 0.7),
        "sensitive": ramp(sens, 10.0, 40.0) * ramp(sens / distinct, 0.5, 0.9),
    }


_TEXT = {
    "velocity": "{views_minute:.0f} profile views in a minute, {distinct_viewed_hour:.0f} distinct"
    " profiles in an hour",
    "sequential": "{sequential_views_hour:.0f} of {views_hour:.0f} views in an hour walked"
    " consecutive member ids",
    "search": "{search_views_hour:.0f} of {views_hour:.0f} views in an hour came from search",
    "organisation": "{same_org_targets:.0f} distinct staff of one organisation viewed in an hour",
    "sensitive": "{sensitive_targets:.0f} of {distinct_viewed_hour:.0f} profiles viewed in an hour"
    " work in sensitive sectors",
}


def score(parts: Mapping[str, float], rules: ReconRules = ReconRules()) -> float:
    survive = 1.0
    for name, weight in rules.weights:
        survive *= 1.0 - weight * parts.get(name, 0.0)
    return round(1.0 - survive, 6)


def describe(name: str, value: float, f: Mapping[str, float]) -> Evidence:
    values = {k: f.get(k, 0.0) for k in _TEXT_KEYS}
    return Evidence(_TEXT[name].format(**values), weight=round(value, 4), data={"part": name})


def evidence(
    parts: Mapping[str, float],
    f: Mapping[str, float],
    at_peak: Mapping[str, Mapping[str, float]] | None = None,
    rules: ReconRules = ReconRules(),
) -> tuple[Evidence, ...]:
    """Readable evidence; ``at_peak`` gives, per component, the features where it peaked."""
    peaks = at_peak or {}
    out = [
        describe(name, parts[name], peaks.get(name, f))
        for name, _ in rules.weights
        if parts.get(name, 0.0) > 0
    ]
    if f.get("logged_out"):
        out.append(Evidence("views were made while logged out (by IP address)", data={"ip": True}))
    if not out:
        views = f.get("views_hour", 0.0)
        out.append(Evidence(f"profile views look ordinary (at most {views:.0f} in an hour)"))
    return tuple(out)


_TEXT_KEYS = (
    "views_minute",
    "views_hour",
    "distinct_viewed_hour",
    "sequential_views_hour",
    "search_views_hour",
    "same_org_targets",
    "sensitive_targets",
)
