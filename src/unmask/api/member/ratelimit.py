"""Per-client rate limits for the public member endpoints (in memory, per process).

A token bucket per (client address, bucket name): ``capacity`` requests, refilled evenly over
``period`` seconds. Limits come from ``UNMASK_CHECK_LIMIT`` (e.g. ``"30/3600"``: 30 checks per hour
per client; password ranges allow ten times as many). Behind a proxy, run uvicorn with
``--proxy-headers`` so that the client address is the member's, not the proxy's. With several
worker processes each keeps its own buckets (a shared store such as redis is the next step).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

from fastapi import HTTPException, Request


@dataclass(frozen=True)
class Limit:
    capacity: int
    period: float

    @classmethod
    def parse(cls, text: str) -> Limit:
        n, _, seconds = text.partition("/")
        return cls(int(n), float(seconds or 3600))


class RateLimiter:
    def __init__(self, limits: dict[str, Limit]) -> None:
        self.limits = limits
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls) -> RateLimiter:
        check = Limit.parse(os.environ.get("UNMASK_CHECK_LIMIT", "30/3600"))
        return cls(
            {
                "check": check,
                "exposure": check,
                "report": check,
                "passwords": Limit(check.capacity * 10, check.period),
            }
        )

    def allow(self, client: str, bucket: str) -> float:
        """0 when allowed, else the seconds to wait."""
        limit = self.limits[bucket]
        now = time.monotonic()
        rate = limit.capacity / limit.period
        with self._lock:
            tokens, last = self._buckets.get((client, bucket), (float(limit.capacity), now))
            tokens = min(float(limit.capacity), tokens + (now - last) * rate)
            if tokens < 1.0:
                self._buckets[(client, bucket)] = (tokens, now)
                return (1.0 - tokens) / rate
            self._buckets[(client, bucket)] = (tokens - 1.0, now)
            return 0.0


def limit(request: Request, bucket: str) -> None:
    limiter: RateLimiter = request.app.state.member_limiter
    client = request.client.host if request.client else "unknown"
    wait = limiter.allow(client, bucket)
    if wait > 0:
        raise HTTPException(
            429, "too many requests: try again later", headers={"Retry-After": str(int(wait) + 1)}
        )
