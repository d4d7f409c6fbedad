"""Load generator for bench_live.py: runs in its own process, N concurrent clients on loopback.

Usage: live_load.py URL TOKEN KIND COUNT CONCURRENCY MAX_SECONDS [RATE] -> JSON on stdout.
Without RATE each client sends its next request as soon as the last is answered (closed loop);
with RATE (requests/s over all clients) request i is due at start + i/RATE and its latency is
counted from then, so time spent waiting for a free client counts too.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def body(kind: str, i: int) -> tuple[str, dict[str, Any]]:
    at = (T0 + timedelta(milliseconds=50 * i)).isoformat()
    if kind == "signup":
        return "signups", {
            "id": f"bench-new-{i}",
            "created_at": at,
            "name": f"Bench Person {i}",
            "registration": {"ip": f"198.51.{i % 200}.{i % 250}", "email_domain": "mail.example"},
        }
    return "invitations", {
        "id": f"bench-inv-{i}",
        "sender": f"m{(i % 500) + 1:06d}",
        "recipient": f"m{(i * 7 % 4000) + 1:06d}",
        "sent_at": at,
        "note": "Good to meet you at the conference last week." if i % 3 else "",
    }


async def main(
    url: str, token: str, kind: str, count: int, conc: int, limit: float, rate: float
) -> None:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(count):
        queue.put_nowait(i)
    deadline = time.monotonic() + limit
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=conc, max_keepalive_connections=conc)

    async def client_loop(client: httpx.AsyncClient) -> None:
        while time.monotonic() < deadline:
            try:
                i = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            path, payload = body(kind, i)
            start = time.perf_counter()
            if rate > 0:
                due = started + i / rate
                if due > start:
                    await asyncio.sleep(due - start)
                start = due
            try:
                r = await client.post(f"{url}/api/v1/live/{path}", json=payload, headers=headers)
                key = str(r.status_code)
            except httpx.HTTPError as exc:
                key = type(exc).__name__
            latencies.append(time.perf_counter() - start)
            if key != "200":
                errors[key] = errors.get(key, 0) + 1

    started = time.perf_counter()
    async with httpx.AsyncClient(limits=limits, timeout=30.0) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(conc)))
        wall = time.perf_counter() - started
    latencies.sort()

    def q(p: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 2)

    print(
        json.dumps(
            {
                "kind": kind,
                "requests": len(latencies),
                "concurrency": conc,
                "offered_rate": rate or None,
                "seconds": round(wall, 2),
                "requests_per_s": round(len(latencies) / wall, 1),
                "p50_ms": q(0.50),
                "p95_ms": q(0.95),
                "p99_ms": q(0.99),
                "max_ms": round(1000 * latencies[-1], 2),
                "errors": errors,
            }
        )
    )


if __name__ == "__main__":
    u, t, k, n, c, s = sys.argv[1:7]
    r = float(sys.argv[7]) if len(sys.argv) > 7 else 0.0
    asyncio.run(main(u, t, k, int(n), int(c), float(s), r))
