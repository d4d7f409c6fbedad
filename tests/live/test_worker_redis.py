"""A worker on Redis Streams killed mid-batch, twice, then restarted: nothing lost, nothing
double-counted, invalid events in the dead-letter stream exactly once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import redis
from sqlalchemy import select
from tests.live.streams import INVALID, PER_SENDER, SENDERS, stream

from unmask.store import Store
from unmask.store.live_schema import live_decisions
from unmask.workers.redis_source import RedisStreamPublisher

BATCH = 25


def _worker(store: Store, url: str, prefix: str, consumer: str, fault: str | None) -> int:
    env = {
        **os.environ,
        "UNMASK_DATABASE_URL": store.url,
        "UNMASK_DATA_DIR": str(store.settings.data_dir),
    }
    env.pop("UNMASK_FAILPOINT", None)
    if fault:
        env["UNMASK_FAILPOINT"] = fault
    cmd = [
        sys.executable, "-c", "from unmask.cli.main import main; main()", "worker",
        "--source", "redis", "--redis-url", url, "--stream", f"{prefix}events",
        "--prefix", prefix, "--consumer", consumer, "--batch", str(BATCH),
        "--claim-idle-ms", "0", "--idle-exit", "1.5",
    ]  # fmt: skip
    done = subprocess.run(cmd, env=env, capture_output=True, timeout=180, cwd=Path.cwd())
    assert done.returncode in (0, 137), done.stderr.decode()[-2000:]
    return done.returncode


def _decisions(store: Store) -> list[tuple[str, dict[str, float]]]:
    with store.connect() as conn:
        rows = conn.execute(select(live_decisions.c.event_key, live_decisions.c.features)).all()
    return [(str(k), dict(f)) for k, f in rows]


def test_crash_and_restart_loses_nothing_and_counts_once(
    world_store: Store, redis_url: str, prefix: str
) -> None:
    client = redis.Redis.from_url(redis_url)
    payloads, valid = stream()
    RedisStreamPublisher(client, f"{prefix}events").publish(payloads)

    # 1: dies in its 3rd batch after the windows were updated, before the decisions were stored
    assert _worker(world_store, redis_url, prefix, "w1", "windows:3") == 137
    stored = len(_decisions(world_store))
    assert 0 < stored < valid
    # 2: another consumer claims w1's pending entries; dies after storing its 2nd batch, unacked
    assert _worker(world_store, redis_url, prefix, "w2", "store:2") == 137
    # 3: drains the rest
    assert _worker(world_store, redis_url, prefix, "w3", None) == 0

    rows = _decisions(world_store)
    assert len(rows) == valid, "every valid event decided exactly once"
    assert len({k for k, _ in rows}) == valid
    pending = client.xpending(f"{prefix}events", "unmask-live")
    assert pending["pending"] == 0
    dead: list[Any] = client.xrange(f"{prefix}events:dead") or []
    assert len(dead) == len(INVALID), "each invalid event dead-lettered once"
    assert all(fields[b"error"] for _, fields in dead)
    for sender in SENDERS:  # invitations_day over a sender's stream: 1, 2, ..., N, none twice
        seen = sorted(
            f["invitations_day"]
            for k, f in rows
            if k.startswith("invitation:")
            and f.get("invitations_day") is not None
            and _sender(k) == sender
        )
        assert seen == [float(i) for i in range(1, PER_SENDER + 1)]
        assert client.zcard(f"{prefix}w:inv:{sender}") == PER_SENDER


def _sender(event_key: str) -> str:
    number = int(event_key.split(":")[1].removeprefix("inv"))
    return SENDERS[number % 10]
