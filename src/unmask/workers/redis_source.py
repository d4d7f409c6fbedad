"""Redis Streams: a consumer group, acknowledgements, and a dead-letter stream.

Each entry carries the event envelope in its ``event`` field. A worker first re-reads its own
pending entries (those it had read but not acknowledged before it died, when it restarts under the
same consumer name), then claims entries another consumer left pending longer than
``claim_idle_ms``, then reads new ones. Validation failures go to ``<stream>:dead`` with the error,
added and acknowledged in one MULTI/EXEC.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from typing import Any

from unmask.workers.contract import Delivery

FIELD = b"event"


class RedisStreamSource:
    name = "redis"

    def __init__(
        self,
        client: Any,
        stream: str = "unmask:events",
        group: str = "unmask-live",
        consumer: str | None = None,
        claim_idle_ms: int = 60_000,
    ) -> None:
        self.client = client
        self.stream = stream
        self.dead_stream = f"{stream}:dead"
        self.group = group
        self.consumer = consumer or f"{socket.gethostname()}-{os.getpid()}"
        self.claim_idle_ms = claim_idle_ms
        self._backlog = True  # our own pending entries first
        self._claim_from = "0-0"
        import redis

        try:
            client.xgroup_create(stream, group, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> RedisStreamSource:
        import redis

        return cls(redis.Redis.from_url(url), **kwargs)

    @staticmethod
    def _deliveries(entries: Any) -> list[Delivery]:
        out: list[Delivery] = []
        for entry_id, fields in entries or []:
            if fields is None:  # deleted while pending
                continue
            eid = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
            out.append(Delivery(eid, fields.get(FIELD, b"")))
        return out

    def _claim(self, max_items: int) -> list[Delivery]:
        res = self.client.xautoclaim(
            self.stream,
            self.group,
            self.consumer,
            self.claim_idle_ms,
            start_id=self._claim_from,
            count=max_items,
        )
        nxt = res[0]
        self._claim_from = nxt.decode() if isinstance(nxt, bytes) else str(nxt)
        return self._deliveries(res[1])

    def poll(self, max_items: int, timeout: float) -> list[Delivery]:
        if self._backlog:
            got = self.client.xreadgroup(
                self.group, self.consumer, {self.stream: "0"}, count=max_items
            )
            mine = self._deliveries(got[0][1] if got else [])
            if mine:
                return mine
            self._backlog = False
        claimed = self._claim(max_items)
        if claimed:
            return claimed
        got = self.client.xreadgroup(
            self.group,
            self.consumer,
            {self.stream: ">"},
            count=max_items,
            block=max(1, int(timeout * 1000)),
        )
        return self._deliveries(got[0][1] if got else [])

    def ack(self, deliveries: Sequence[Delivery]) -> None:
        if deliveries:
            self.client.xack(self.stream, self.group, *[d.id for d in deliveries])

    def dead_letter(self, delivery: Delivery, error: str) -> None:
        pipe = self.client.pipeline(transaction=True)
        pipe.xadd(
            self.dead_stream,
            {FIELD: delivery.payload, b"error": error[:2000], b"source_id": delivery.id},
        )
        pipe.xack(self.stream, self.group, delivery.id)
        pipe.execute()

    def close(self) -> None:
        self.client.close()


class RedisStreamPublisher:
    def __init__(self, client: Any, stream: str = "unmask:events") -> None:
        self.client = client
        self.stream = stream

    def publish(self, payloads: Sequence[bytes]) -> None:
        pipe = self.client.pipeline(transaction=False)
        for p in payloads:
            pipe.xadd(self.stream, {FIELD: p})
        pipe.execute()
