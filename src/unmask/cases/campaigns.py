"""Campaigns, pure: flagged accounts linked by their evidence (a shared photo, a shared template,
a ring of endorsements) are grouped as one operator's campaign. Campaign risk is the highest
member risk; size and membership are what a reviewer acts on."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping

from unmask.model.records import Account


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def cluster(flagged: Iterable[str], links: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Groups of two or more flagged accounts joined by links between flagged accounts."""
    parent = {a: a for a in flagged}
    for a, b in links:
        if a in parent and b in parent and a != b:
            ra, rb = _find(parent, a), _find(parent, b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for a in parent:
        groups.setdefault(_find(parent, a), set()).add(a)
    return {campaign_id(m): m for m in groups.values() if len(m) > 1}


def campaign_id(members: Iterable[str]) -> str:
    return "cmp-" + hashlib.sha1(min(members).encode()).hexdigest()[:8]


def campaign_of(groups: Mapping[str, set[str]]) -> dict[str, str]:
    return {member: cid for cid, members in groups.items() for member in members}


def campaign_risk(members: Iterable[str], risk: Mapping[str, float]) -> float:
    return max((risk.get(m, 0.0) for m in members), default=0.0)


def campaign_name(accounts: list[Account], victims: Iterable[str] = ()) -> str:
    """A readable name: the employer most members claim, else their most common headline
    (possible victims left out: the name is the personas')."""
    left_out = set(victims)
    accounts = [a for a in accounts if a.id not in left_out] or accounts
    employers = Counter(a.positions[0].employer for a in accounts if a.positions)
    if employers:
        top, n = employers.most_common(1)[0]
        if n >= 2 or len(accounts) == 1:
            return top
    headlines = Counter(a.headline for a in accounts if a.headline)
    if headlines:
        return headlines.most_common(1)[0][0][:80]
    return "unnamed campaign"
