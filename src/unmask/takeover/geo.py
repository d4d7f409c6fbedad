"""IP geolocation for impossible-travel checks: a seam, a small built-in table, no download.

unmask ships **no** IP geolocation database. ``BUILTIN`` is a table we define for tests and for
the simulator: it covers only the three documentation ranges (RFC 5737: 192.0.2.0/24,
198.51.100.0/24, 203.0.113.0/24), split into /26 blocks placed in twelve cities, so that planted
logins can "travel". It says nothing about real addresses. An operator who has a licensed
database exports it as CSV (``prefix,country,lat,lon``, e.g. ``81.2.69.0/24,GB,51.5,-0.1``) and
points ``UNMASK_GEOIP_CSV`` at it; its prefixes are consulted first (longest prefix wins).
Addresses that no table covers have no place, and impossible travel abstains for them.
"""

from __future__ import annotations

import csv
import ipaddress
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True, slots=True)
class Place:
    country: str
    lat: float
    lon: float
    label: str = ""


class GeoLookup(Protocol):
    def locate(self, ip: str) -> Place | None: ...


_CITIES: tuple[tuple[str, str, float, float], ...] = (
    ("192.0.2.0/26", "GB", 51.507, -0.128),  # London
    ("192.0.2.64/26", "GB", 51.455, -2.588),  # Bristol
    ("192.0.2.128/26", "DE", 52.520, 13.405),  # Berlin
    ("192.0.2.192/26", "US", 38.907, -77.037),  # Washington
    ("198.51.100.0/26", "SG", 1.352, 103.820),  # Singapore
    ("198.51.100.64/26", "CN", 39.904, 116.407),  # Beijing
    ("198.51.100.128/26", "RU", 55.756, 37.617),  # Moscow
    ("198.51.100.192/26", "IR", 35.689, 51.389),  # Tehran
    ("203.0.113.0/26", "AU", -33.869, 151.209),  # Sydney
    ("203.0.113.64/26", "KP", 39.039, 125.763),  # Pyongyang
    ("203.0.113.128/26", "BR", -23.551, -46.633),  # São Paulo
    ("203.0.113.192/26", "NG", 6.524, 3.379),  # Lagos
)


class PrefixTable:
    """Longest-prefix match over a list of (network, place)."""

    def __init__(self, entries: list[tuple[Network, Place]]) -> None:
        self._entries = sorted(entries, key=lambda e: e[0].prefixlen, reverse=True)

    def __len__(self) -> int:
        return len(self._entries)

    def locate(self, ip: str) -> Place | None:
        try:
            addr = ipaddress.ip_address(ip)
        except ValueError:
            return None
        for net, place in self._entries:
            if addr.version == net.version and addr in net:
                return place
        return None


class Layered:
    """Try each lookup in turn (an operator's database first, then the built-in table)."""

    def __init__(self, *lookups: GeoLookup) -> None:
        self.lookups = lookups

    def locate(self, ip: str) -> Place | None:
        for lookup in self.lookups:
            place = lookup.locate(ip)
            if place is not None:
                return place
        return None


BUILTIN = PrefixTable(
    [(ipaddress.ip_network(p), Place(c, lat, lon, p)) for p, c, lat, lon in _CITIES]
)


def load_prefix_csv(path: Path) -> PrefixTable:
    """An operator-provided table: ``prefix,country,lat,lon`` per line (a header is allowed)."""
    entries: list[tuple[Network, Place]] = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            if len(row) < 4 or row[0].strip().lower() == "prefix":
                continue
            net = ipaddress.ip_network(row[0].strip(), strict=False)
            entries.append((net, Place(row[1].strip(), float(row[2]), float(row[3]), row[0])))
    return PrefixTable(entries)


@lru_cache(maxsize=4)
def _operator(path: str) -> PrefixTable:
    return load_prefix_csv(Path(path))


def default_lookup(path: Path | None = None) -> GeoLookup:
    """The operator's prefix table (``UNMASK_GEOIP_CSV``, passed in) over the built-in one."""
    return Layered(_operator(str(path)), BUILTIN) if path else BUILTIN


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
