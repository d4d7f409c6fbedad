"""The in-memory twin of a stream with one consumer group (tests of the contract and runner)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from unmask.workers.contract import Delivery


@dataclass
class MemoryBroker:
    log: list[bytes] = field(default_factory=list)
    acked: set[int] = field(default_factory=set)
    dead: list[tuple[bytes, str]] = field(default_factory=list)

    def publish(self, payloads: Sequence[bytes]) -> None:
        self.log.extend(payloads)

    def source(self) -> MemorySource:
        """A consumer; un-acked deliveries of an earlier (crashed) consumer come again."""
        return MemorySource(self)


class MemorySource:
    name = "memory"

    def __init__(self, broker: MemoryBroker) -> None:
        self.broker = broker
        self._next = 0

    def poll(self, max_items: int, timeout: float) -> list[Delivery]:
        out: list[Delivery] = []
        while self._next < len(self.broker.log) and len(out) < max_items:
            i = self._next
            self._next += 1
            if i not in self.broker.acked:
                out.append(Delivery(str(i), self.broker.log[i]))
        return out

    def ack(self, deliveries: Sequence[Delivery]) -> None:
        self.broker.acked.update(int(d.id) for d in deliveries)

    def dead_letter(self, delivery: Delivery, error: str) -> None:
        self.broker.dead.append((delivery.payload, error))
        self.ack([delivery])

    def close(self) -> None:
        pass
