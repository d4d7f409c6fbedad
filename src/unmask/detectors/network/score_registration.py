"""Scoring registration clusters from their cluster-level features (shared by both engines).

A cluster is judged as a whole: a real office registering from one address shares an employer
that exists, is verified and older than the accounts, and its staff verify their workplace and
sign up with the employer's domain; a fake burst names employers nobody else names, verifies
nothing at work and looks alike. Every member of a cluster gets the cluster's score.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from unmask.model import Evidence, Finding

NAME, VERSION = "registration_cluster", "1"

#: (feature, weight): each is a share of the cluster's members in [0, 1].
WEIGHTS: tuple[tuple[str, float], ...] = (
    ("not_established", 0.25),
    ("no_workplace", 0.20),
    ("rare_employer", 0.20),
    ("no_domain_match", 0.15),
    ("uniform", 0.10),
    ("one_agent", 0.10),
)


def cluster_shares(c: Mapping[str, Any]) -> dict[str, float]:
    n = int(c["n"])
    spread = max(n - 1, 1)
    return {
        "not_established": 1.0 - int(c["n_established"]) / n,
        "no_workplace": 1.0 - int(c["n_workplace"]) / n,
        "rare_employer": int(c["n_rare_employer"]) / n,
        "no_domain_match": 1.0 - int(c["n_domain_match"]) / n,
        "uniform": 1.0 - (int(c["n_shapes"]) - 1) / spread,
        "one_agent": 1.0 - (int(c["n_agents"]) - 1) / spread,
    }


def cluster_score(c: Mapping[str, Any]) -> float:
    shares = cluster_shares(c)
    raw = sum(w * shares[k] for k, w in WEIGHTS)
    size = 1.0 - math.exp(-(int(c["n"]) - 1) / 1.5)
    return round(min(1.0, max(0.0, raw * size)), 6)


def _day(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")


def cluster_evidence(c: Mapping[str, Any], members: Sequence[str], me: str) -> tuple[Evidence, ...]:
    n = int(c["n"])
    subnet = str(c["cluster"]).split("#", 1)[0]
    hours = (int(c["last_created"]) - int(c["first_created"])) / 3600
    span = f"{hours:.0f} hours" if hours < 72 else f"{hours / 24:.0f} days"
    others = tuple(m for m in members if m != me)
    shares = cluster_shares(c)
    out = [
        Evidence(
            f"registered with {n - 1} other account(s) from {subnet}.0/24 within {span} "
            f"(from {_day(int(c['first_created']))})",
            weight=cluster_score(c),
            member_text="it was created together with a group of similar accounts",
            related=others[:50],
            data={"cluster": c["cluster"], "size": n},
        ),
        Evidence(
            f"in the cluster: {c['n_established']} of {n} name an established, verified "
            f"employer; {c['n_workplace']} verified their workplace; {c['n_domain_match']} "
            f"signed up with their employer's e-mail domain",
            weight=round((shares["not_established"] + shares["no_workplace"]) / 2, 4),
        ),
        Evidence(
            f"{c['n_rare_employer']} of {n} name an employer that fewer than 3 accounts outside "
            f"the cluster name (most common: {c['top_employer'] or 'none'!r}, "
            f"{c['top_employer_n']}); {c['n_shapes']} profile shape(s), "
            f"{c['n_agents']} browser(s), {c['n_domains']} e-mail domain(s)",
            weight=round(shares["rare_employer"], 4),
        ),
    ]
    return tuple(out)


def score_registration(
    subjects: Iterable[str],
    has_registration: Mapping[str, bool],
    members: Sequence[Mapping[str, Any]],
    clusters: Sequence[Mapping[str, Any]],
) -> list[Finding]:
    """One finding per subject. ``has_registration``: account id -> a /24 is known."""
    by_id = {str(c["cluster"]): c for c in clusters}
    cluster_of: dict[str, str] = {}
    roster: dict[str, list[str]] = defaultdict(list)
    for m in members:
        cid = str(m["cluster"])
        if cid in by_id:
            cluster_of[str(m["id"])] = cid
            roster[cid].append(str(m["id"]))
    out: list[Finding] = []
    for subject in subjects:
        known = has_registration.get(subject)
        if known is None:
            out.append(Finding.abstain(NAME, VERSION, subject, "no profile"))
        elif not known:
            out.append(Finding.abstain(NAME, VERSION, subject, "no registration address"))
        elif subject not in cluster_of:
            text = "no other account registered from its /24 within 30 days"
            out.append(Finding(NAME, VERSION, subject, 0.0, (Evidence(text),)))
        else:
            c = by_id[cluster_of[subject]]
            evidence = cluster_evidence(c, sorted(roster[cluster_of[subject]]), subject)
            out.append(Finding(NAME, VERSION, subject, cluster_score(c), evidence))
    return out
