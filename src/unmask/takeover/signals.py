"""Account-takeover signals from logins (pure).

* **spraying / brute force from one address**: an IP that failed on many distinct accounts within
  ``window`` (spraying) or many times on one account (brute force);
* **credential stuffing against one account**: many distinct IPs failing on it within ``window``;
* **impossible travel**: two successful logins whose places are further apart than a plane could
  fly in the time between them (needs geolocation: see ``geo``).
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import pairwise

from unmask.model import Login
from unmask.takeover.geo import GeoLookup, Place, distance_km


@dataclass(frozen=True)
class Thresholds:
    window: timedelta = timedelta(hours=1)
    spray_accounts: int = 10
    brute_failures: int = 20
    stuffing_ips: int = 5
    max_kmh: float = 1000.0
    min_km: float = 500.0


def _max_distinct(events: Sequence[tuple[float, str]], window: float) -> int:
    """The largest number of distinct keys among events within any ``window`` seconds."""
    best = 0
    held: deque[tuple[float, str]] = deque()
    seen: Counter[str] = Counter()
    for at, key in events:
        held.append((at, key))
        seen[key] += 1
        while held and held[0][0] < at - window:
            _, old = held.popleft()
            seen[old] -= 1
            if not seen[old]:
                del seen[old]
        best = max(best, len(seen))
    return best


def _failures(logins: Iterable[Login]) -> list[Login]:
    return sorted((x for x in logins if not x.success), key=lambda x: (x.at, x.id))


def spraying_ips(logins: Iterable[Login], t: Thresholds) -> dict[str, int]:
    """IP -> the most distinct accounts it failed on within one window (only those >= limit)."""
    by_ip: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for x in _failures(logins):
        by_ip[x.ip].append((x.at.timestamp(), x.account_id))
    window = t.window.total_seconds()
    found = {ip: _max_distinct(ev, window) for ip, ev in by_ip.items()}
    return {ip: n for ip, n in found.items() if n >= t.spray_accounts}


def stuffing_accounts(logins: Iterable[Login], t: Thresholds) -> dict[str, int]:
    """Account -> the most distinct failing IPs within one window (only those >= limit)."""
    by_acc: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for x in _failures(logins):
        by_acc[x.account_id].append((x.at.timestamp(), x.ip))
    window = t.window.total_seconds()
    found = {a: _max_distinct(ev, window) for a, ev in by_acc.items()}
    return {a: n for a, n in found.items() if n >= t.stuffing_ips}


def brute_force(logins: Sequence[Login], t: Thresholds) -> dict[str, int]:
    """IP -> failures on this account's logins (only those >= limit)."""
    counts = Counter(x.ip for x in logins if not x.success)
    return {ip: n for ip, n in counts.items() if n >= t.brute_failures}


@dataclass(frozen=True, slots=True)
class Travel:
    first: Login
    second: Login
    where_first: Place
    where_second: Place
    km: float
    kmh: float


def impossible_travel(logins: Sequence[Login], geo: GeoLookup, t: Thresholds) -> list[Travel]:
    """Consecutive successful logins of one account that no flight could connect."""
    located = [
        (x, p)
        for x in sorted(logins, key=lambda x: (x.at, x.id))
        if x.success and (p := geo.locate(x.ip)) is not None
    ]
    out: list[Travel] = []
    for (a, pa), (b, pb) in pairwise(located):
        km = distance_km(pa, pb)
        hours = max((b.at - a.at).total_seconds() / 3600.0, 1 / 60)
        if km >= t.min_km and km / hours > t.max_kmh:
            out.append(Travel(a, b, pa, pb, round(km), round(km / hours)))
    return out


def success_after(logins: Sequence[Login], ips: set[str]) -> Login | None:
    """The first successful login from one of ``ips`` after a failure from it."""
    failed: set[str] = set()
    for x in sorted(logins, key=lambda x: (x.at, x.id)):
        if x.ip in ips and not x.success:
            failed.add(x.ip)
        elif x.success and x.ip in failed:
            return x
    return None
