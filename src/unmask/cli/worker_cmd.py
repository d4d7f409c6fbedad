"""``unmask worker``: score live events from Redis Streams or Kafka; ``unmask live-reconcile``:
let the latest batch scan overturn permissive live decisions."""

from __future__ import annotations

import logging
import signal
from types import FrameType
from typing import Any

import typer

from unmask.cli.common import console, fail, open_store, plugins, settings
from unmask.cli.common import policy as resolve


def worker(
    source: str = typer.Option("redis", help="Where events come from: redis or kafka."),
    stream: str = typer.Option(
        None, help="Stream (Redis) or topic (Kafka). Default: unmask:events / unmask.events."
    ),
    group: str = typer.Option("unmask-live", help="Consumer group."),
    consumer: str = typer.Option(None, help="Consumer name (default: host-pid)."),
    redis_url: str = typer.Option(
        None, help="Redis for windows and streams (default: $UNMASK_REDIS_URL)."
    ),
    bootstrap: str = typer.Option(
        None, help="Kafka bootstrap servers (default: $UNMASK_KAFKA_BOOTSTRAP)."
    ),
    batch: int = typer.Option(500, min=1, help="Events per batch (one store transaction)."),
    claim_idle_ms: int = typer.Option(
        60_000, help="Redis: claim entries other consumers left pending this long."
    ),
    prefix: str = typer.Option("unmask:", help="Namespace of the window keys in Redis."),
    max_events: int = typer.Option(None, help="Stop after this many events."),
    idle_exit: float = typer.Option(None, help="Stop after this many seconds with no events."),
) -> None:
    """Consume live events, score them and store the decisions (at-least-once, idempotent)."""
    from unmask.workers.runner import run
    from unmask.workers.service import LiveService, default_windows

    url = redis_url or settings().redis_url
    if not url:
        raise fail("live windows need Redis: pass --redis-url or set UNMASK_REDIS_URL")
    src: Any
    if source == "redis":
        from unmask.workers.redis_source import RedisStreamSource

        src = RedisStreamSource.from_url(
            url,
            stream=stream or "unmask:events",
            group=group,
            consumer=consumer,
            claim_idle_ms=claim_idle_ms,
        )
    elif source == "kafka":
        from unmask.workers.kafka_source import KafkaSource

        servers = bootstrap or settings().kafka_bootstrap
        if not servers:
            raise fail("Kafka needs --bootstrap or UNMASK_KAFKA_BOOTSTRAP")
        src = KafkaSource(servers, topic=stream or "unmask.events", group=group, consumer=consumer)
    else:
        raise fail(f"unknown source {source!r}: use redis or kafka")
    stopping = False

    def _stop(_sig: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    logging.basicConfig(level=logging.WARNING)
    with open_store() as store:
        service = LiveService(store, default_windows(url, prefix), registry=plugins().detectors)
        console.print(f"worker consuming from {source} ({src.name}), batch {batch}")
        try:
            stats = run(
                src,
                service,
                batch=batch,
                max_events=max_events,
                idle_exit=idle_exit,
                stop=lambda: stopping,
            )
        finally:
            src.close()
    console.print(
        f"handled {stats.events} events in {stats.batches} batches, {stats.dead} dead-lettered; "
        f"decisions: {dict(sorted(stats.decisions.items()))}"
    )


def live_reconcile(
    scan: int = typer.Option(None, help="The scan to reconcile with (default: the latest)."),
) -> None:
    """Mark live allow/deliver decisions whose subject a batch scan routed to review or worse."""
    from unmask.workers.decisions import reconcile

    policy = resolve()
    with open_store() as store:
        n = reconcile(store, policy.live.overturn_routes, scan)
    console.print(f"{n} live decision(s) overturned by the batch scan")


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)
    app.command("live-reconcile")(live_reconcile)
