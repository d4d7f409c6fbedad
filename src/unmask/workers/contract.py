"""The stream source contract shared by Redis Streams, Kafka and the in-memory twin.

At-least-once: ``poll`` hands out deliveries; a delivery that is not ``ack``-ed (the worker died)
is handed out again, to this worker after a restart or to another one. ``dead_letter`` moves a
delivery that failed validation to the dead-letter stream and acknowledges it, in one step where
the broker allows. Handling is idempotent (event keys), so a redelivery double-counts nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Delivery:
    id: str  # the broker's position: a stream entry id, or "partition:offset"
    payload: bytes


class Source(Protocol):
    name: str

    def poll(self, max_items: int, timeout: float) -> list[Delivery]: ...

    def ack(self, deliveries: Sequence[Delivery]) -> None: ...

    def dead_letter(self, delivery: Delivery, error: str) -> None: ...

    def close(self) -> None: ...


class Publisher(Protocol):
    def publish(self, payloads: Sequence[bytes]) -> None: ...
