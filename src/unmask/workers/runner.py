"""The worker loop: poll a batch, dead-letter what fails validation, score the rest, store the
decisions, then acknowledge. Acknowledging only after the store commit gives at-least-once
delivery; event keys make the redelivered remainder of a crashed batch count nothing twice."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from unmask.live.events import EventError, LiveEvent, parse_event
from unmask.workers.contract import Delivery, Source
from unmask.workers.failpoints import failpoint
from unmask.workers.service import LiveService

log = logging.getLogger(__name__)


@dataclass
class Stats:
    events: int = 0
    dead: int = 0
    batches: int = 0
    decisions: dict[str, int] = field(default_factory=dict)


def run(
    source: Source,
    service: LiveService,
    batch: int = 500,
    poll_timeout: float = 1.0,
    max_events: int | None = None,
    idle_exit: float | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> Stats:
    """Consume until ``stop()``, ``max_events`` handled, or ``idle_exit`` seconds with nothing."""
    stats = Stats()
    idle_since = time.monotonic()
    while not stop():
        if max_events is not None and stats.events + stats.dead >= max_events:
            break
        deliveries = source.poll(batch, poll_timeout)
        if not deliveries:
            if idle_exit is not None and time.monotonic() - idle_since >= idle_exit:
                break
            continue
        idle_since = time.monotonic()
        good: list[tuple[Delivery, LiveEvent]] = []
        for d in deliveries:
            try:
                good.append((d, parse_event(d.payload)))
            except EventError as exc:
                source.dead_letter(d, str(exc))
                stats.dead += 1
        for decision in service.process([e for _, e in good], source.name):
            stats.decisions[decision.decision] = stats.decisions.get(decision.decision, 0) + 1
        failpoint("store", service.store.settings.failpoint)
        source.ack([d for d, _ in good])
        stats.events += len(good)
        stats.batches += 1
    return stats
