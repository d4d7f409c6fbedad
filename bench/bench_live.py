"""Live-path benchmark: online decision latency over HTTP and stream worker throughput.

Latency: uvicorn serves the API (two worker processes) on loopback with windows in Redis; a load
generator in a separate process (bench/live_load.py) runs 32 concurrent clients, bounded in count
and time: closed loop (as fast as answered), then at fixed offered rates.
Throughput: a stream of mixed events in a Redis Stream, consumed by one worker (the same code as
``unmask worker --source redis``), timed from the first poll to the last acknowledgement.
Data: a synthetic world (5,000 members, 3 organisations) made here. Writes bench-results/live.json.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from common import write

from unmask.auth import create_token, create_user
from unmask.formats import write_records
from unmask.ingest import ingest
from unmask.live.events import LiveEvent, envelope
from unmask.model import Account, Invitation, Message, Organisation, Position, ProfileView
from unmask.model.enums import Sector
from unmask.settings import Settings
from unmask.store import Store

HERE = Path(__file__).resolve().parent
MEMBERS = 5_000
REQUESTS = int(os.environ.get("BENCH_LIVE_REQUESTS", "2000"))
STREAM_EVENTS = int(os.environ.get("BENCH_LIVE_EVENTS", "30000"))
CONCURRENCY = 32
MAX_SECONDS = 120.0
# One server process by default: with SQLite, two processes collide on the write lock and
# SQLite's busy handler sleeps (p50 ~48 ms at 100 req/s with 2 workers against ~5 ms with 1).
SERVER_WORKERS = int(os.environ.get("BENCH_LIVE_SERVER_WORKERS", "1"))
PACED_RATES = ("50", "100")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listening on {port}")


def world(folder: Path) -> None:
    from datetime import UTC, datetime

    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    orgs = [
        Organisation(id="o-def", name="Northwind Defence", created_at=t0, sector=Sector.DEFENCE),
        Organisation(
            id="o-gov", name="Ministry of Examples", created_at=t0, sector=Sector.GOVERNMENT
        ),
        Organisation(id="o-ret", name="Corner Shop Ltd", created_at=t0, sector=Sector.RETAIL),
    ]
    accounts = [
        Account(
            id=f"m{i:06d}", created_at=t0, name=f"Member {i}",
            positions=(Position(employer=orgs[i % 3].name, organisation_id=orgs[i % 3].id),),
        )
        for i in range(1, MEMBERS + 1)
    ]  # fmt: skip
    folder.mkdir(parents=True)
    write_records(folder / "accounts.jsonl", "account", accounts)
    write_records(folder / "organisations.jsonl", "organisation", orgs)


def stream_events(n: int) -> list[bytes]:
    from datetime import UTC, datetime

    t0 = datetime(2026, 3, 2, tzinfo=UTC)
    out: list[bytes] = []
    for i in range(n):
        at = t0 + timedelta(milliseconds=20 * i)
        sender, target = f"m{(i % 700) + 1:06d}", f"m{(i * 13 % MEMBERS) + 1:06d}"
        r = i % 10
        ev: LiveEvent
        if r < 4:
            ev = LiveEvent(
                "invitation",
                Invitation(id=f"s-inv{i}", sender=sender, recipient=target, sent_at=at),
            )
        elif r < 6:
            body = "Could we continue on WhatsApp?" if i % 50 == 0 else "Thanks for connecting."
            ev = LiveEvent(
                "message",
                Message(id=f"s-msg{i}", sender=sender, recipient=target, sent_at=at, body=body),
            )
        elif r < 9:
            viewer = None if i % 4 == 0 else sender
            ev = LiveEvent(
                "profile_view",
                ProfileView(
                    id=f"s-pv{i}", viewer=viewer, viewed=target, at=at, ip=f"192.0.2.{i % 50}"
                ),
            )
        else:
            ev = LiveEvent("signup", Account(id=f"s-new{i}", created_at=at, name="New Person"))
        out.append(envelope(ev))
    return out  # fmt: skip


def latency(store: Store, redis_url: str, token: str) -> list[dict[str, Any]]:
    port = free_port()
    env = {**os.environ, "UNMASK_DATABASE_URL": store.url, "UNMASK_REDIS_URL": redis_url,
           "UNMASK_DATA_DIR": str(store.settings.data_dir)}  # fmt: skip
    code = (
        "import uvicorn; uvicorn.run('unmask.api.app:create_app', factory=True, "
        f"host='127.0.0.1', port={port}, workers={SERVER_WORKERS}, log_level='warning')"
    )
    server = subprocess.Popen([sys.executable, "-c", code], env=env)
    results = []
    try:
        wait_port(port)
        url = f"http://127.0.0.1:{port}"
        load = HERE / "live_load.py"
        warm = [url, token, "invitation", "200", str(CONCURRENCY), "30"]
        subprocess.run([sys.executable, str(load), *warm], check=True, capture_output=True)
        for kind in ("signup", "invitation"):
            for rate in ("0", *PACED_RATES):  # closed loop, then fixed offered rates
                args = [url, token, kind, str(REQUESTS), str(CONCURRENCY), str(MAX_SECONDS), rate]
                done = subprocess.run([sys.executable, str(load), *args], check=True,
                                      capture_output=True, text=True)  # fmt: skip
                results.append(json.loads(done.stdout))
                print(results[-1])
    finally:
        server.terminate()
        server.wait(20)
    return results


def throughput(store: Store, redis_url: str) -> dict[str, Any]:
    import redis

    from unmask.workers.redis_source import RedisStreamPublisher, RedisStreamSource
    from unmask.workers.redis_windows import RedisWindows
    from unmask.workers.runner import run
    from unmask.workers.service import LiveService

    client = redis.Redis.from_url(redis_url)
    payloads = stream_events(STREAM_EVENTS)
    RedisStreamPublisher(client, "bench:events").publish(payloads)
    source = RedisStreamSource(client, "bench:events", consumer="bench")
    service = LiveService(store, RedisWindows(client, "bench:"))
    started = time.perf_counter()
    stats = run(source, service, batch=500, poll_timeout=0.2, max_events=STREAM_EVENTS)
    seconds = time.perf_counter() - started
    return {
        "events": stats.events,
        "dead": stats.dead,
        "batch": 500,
        "seconds": round(seconds, 2),
        "events_per_s": round(stats.events / seconds, 1),
        "decisions": stats.decisions,
        "mix": "40% invitations, 20% messages, 30% profile views (1/4 logged out), 10% sign-ups",
    }


def main() -> None:
    exe = shutil.which("redis-server")
    if exe is None:
        sys.exit("bench_live needs redis-server (apt-get install redis-server)")
    work = Path(tempfile.mkdtemp(prefix="unmask-bench-live-"))
    rport = free_port()
    redis_proc = subprocess.Popen(
        [exe, "--bind", "127.0.0.1", "--port", str(rport), "--save", "", "--appendonly", "no"],
        cwd=work, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_port(rport)
        redis_url = f"redis://127.0.0.1:{rport}/0"
        url = f"sqlite:///{work / 'data' / 'unmask.db'}"
        store = Store(url, Settings(data_dir=work / "data", database_url=url))
        store.migrate()
        world(work / "world")
        ingest(store, [work / "world"])
        user, _ = create_user(store, "bench-service", "service")
        token = create_token(store, user)
        lat = latency(store, redis_url, token)
        thr = throughput(store, redis_url)
        print(thr)
        write(
            "live",
            {
                "data": f"synthetic: {MEMBERS} members, 3 organisations (made by the benchmark)",
                "store": "SQLite (WAL)",
                "windows": "Redis 7 on loopback (own process)",
                "load_average_at_start": os.getloadavg(),
                "latency": {
                    "server": f"uvicorn, {SERVER_WORKERS} worker processes, sync endpoints",
                    "client": f"separate process, {CONCURRENCY} concurrent clients (httpx)",
                    "goal_p99_ms": 50,
                    "results": lat,
                },
                "throughput": {"goal_events_per_s": 2000, **thr},
            },
        )
    finally:
        redis_proc.terminate()
        redis_proc.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
