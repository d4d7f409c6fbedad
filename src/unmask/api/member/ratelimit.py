"""Per-client rate limits for the public member endpoints (in memory, per process).

A token bucket per (client, bucket name): ``capacity`` requests, refilled evenly over ``period``
seconds. Limits come from ``UNMASK_CHECK_LIMIT`` (e.g. ``"30/3600"``: 30 checks per hour per
client; password ranges allow ten times as many).

**Who the client is.** The limiter keys on the TCP peer. ``X-Forwarded-For`` is honoured only
when the peer is one of the trusted proxies (``UNMASK_FORWARDED_ALLOW_IPS`` or ``unmask serve
--forwarded-allow-ips``: addresses or CIDR ranges, comma-separated); then the client is the
right-most address in the header that is not itself a trusted proxy, so a client cannot prepend a
fake address. With no trusted proxies configured the header is ignored. IPv6 clients are keyed by
their /64 network (one host usually holds the whole /64), IPv4 clients by address.

**Bounded memory.** A bucket that has refilled completely carries no information and is dropped
by a sweep every ``SWEEP_EVERY`` calls; at most ``max_buckets`` are kept (the least recently used
go first). With several worker processes each keeps its own buckets (a shared store such as redis
is the next step).
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from fastapi import HTTPException, Request

from unmask.settings import Settings

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
SWEEP_EVERY = 1024
MAX_BUCKETS = 100_000


@dataclass(frozen=True)
class Limit:
    capacity: int
    period: float

    @classmethod
    def parse(cls, text: str) -> Limit:
        n, _, seconds = text.partition("/")
        return cls(int(n), float(seconds or 3600))


def parse_networks(text: str | Iterable[str] | None) -> tuple[IPNetwork, ...]:
    """``"10.0.0.0/8, 127.0.0.1"`` as networks; raises ``ValueError`` naming a bad entry."""
    items = text.split(",") if isinstance(text, str) else list(text or ())
    out: list[IPNetwork] = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        if item == "*":
            raise ValueError("'*' would trust every client's X-Forwarded-For: list the proxies")
        try:
            out.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"not an IP address or network: {item!r}") from None
    return tuple(out)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def client_key(peer: str, forwarded: str | None, trusted: tuple[IPNetwork, ...]) -> str:
    """The address the limiter counts: the peer, or behind trusted proxies the right-most
    untrusted hop of ``X-Forwarded-For``; IPv6 reduced to its /64."""
    addr = _address(peer)
    if addr is not None and forwarded and any(addr in net for net in trusted):
        for hop in reversed(forwarded.split(",")):
            candidate = _address(hop)
            if candidate is None:
                break  # garbage in the header: stop at the last proxy we trust
            addr = candidate
            if not any(candidate in net for net in trusted):
                break
    if addr is None:
        return peer or "unknown"
    if isinstance(addr, ipaddress.IPv6Address):
        mapped = addr.ipv4_mapped
        if mapped is not None:
            return str(mapped)
        return str(ipaddress.IPv6Network((addr, 64), strict=False))
    return str(addr)


class RateLimiter:
    def __init__(
        self,
        limits: dict[str, Limit],
        trusted: tuple[IPNetwork, ...] = (),
        max_buckets: int = MAX_BUCKETS,
    ) -> None:
        self.limits = limits
        self.trusted = trusted
        self.max_buckets = max_buckets
        self._buckets: OrderedDict[tuple[str, str], tuple[float, float]] = OrderedDict()
        self._calls = 0
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> RateLimiter:
        """``UNMASK_CHECK_LIMIT`` and ``UNMASK_FORWARDED_ALLOW_IPS``, from the settings."""
        check = Limit.parse(settings.check_limit)
        trusted = parse_networks(settings.forwarded_allow_ips)
        limits = {
            "check": check,
            "exposure": check,
            "report": check,
            "export": check,
            "passwords": Limit(check.capacity * 10, check.period),
        }
        return cls(limits, trusted)

    def __len__(self) -> int:
        return len(self._buckets)

    def _sweep(self, now: float) -> None:
        """Drop buckets that have refilled completely (they hold no state worth keeping)."""
        for key, (tokens, last) in list(self._buckets.items()):
            limit = self.limits[key[1]]
            if tokens + (now - last) * limit.capacity / limit.period >= limit.capacity:
                del self._buckets[key]
        while len(self._buckets) >= self.max_buckets:  # room for the one about to be added
            self._buckets.popitem(last=False)

    def allow(self, client: str, bucket: str, now: float | None = None) -> float:
        """0 when allowed, else the seconds to wait."""
        limit = self.limits[bucket]
        now = time.monotonic() if now is None else now
        rate = limit.capacity / limit.period
        key = (client, bucket)
        with self._lock:
            self._calls += 1
            if self._calls % SWEEP_EVERY == 0 or len(self._buckets) >= self.max_buckets:
                self._sweep(now)
            tokens, last = self._buckets.pop(key, (float(limit.capacity), now))
            tokens = min(float(limit.capacity), tokens + (now - last) * rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return (1.0 - tokens) / rate
            self._buckets[key] = (tokens - 1.0, now)
            return 0.0

    def client(self, request: Request) -> str:
        peer = request.client.host if request.client else ""
        forwarded = ", ".join(request.headers.getlist("x-forwarded-for")) or None
        return client_key(peer, forwarded, self.trusted)


def limit(request: Request, bucket: str) -> None:
    limiter: RateLimiter = request.app.state.member_limiter
    wait = limiter.allow(limiter.client(request), bucket)
    if wait > 0:
        raise HTTPException(
            429, "too many requests: try again later", headers={"Retry-After": str(int(wait) + 1)}
        )
