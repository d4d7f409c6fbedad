"""Kafka (confluent-kafka): a consumer group with manual commits and a dead-letter topic.

Kafka commits a position, not single messages: ``ack`` and ``dead_letter`` mark messages done
and commit, synchronously, each partition's first offset that is not done yet, so an early dead
letter never commits past good messages still being scored. A worker killed before committing is
handed the same messages again; event keys make that harmless. Validation failures are produced
to ``<topic>.dead`` (flushed) before they count as done.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from typing import Any

from unmask.workers.contract import Delivery


class KafkaSource:
    name = "kafka"

    def __init__(
        self,
        bootstrap: str,
        topic: str = "unmask.events",
        group: str = "unmask-live",
        consumer: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        from confluent_kafka import Consumer, Producer

        self.topic = topic
        self.dead_topic = f"{topic}.dead"
        self._consumer = Consumer(
            {
                "bootstrap.servers": bootstrap,
                "group.id": group,
                "client.id": consumer or f"{socket.gethostname()}-{os.getpid()}",
                "enable.auto.commit": False,
                "auto.offset.reset": "earliest",
                **(extra or {}),
            }
        )
        self._producer = Producer({"bootstrap.servers": bootstrap})
        self._consumer.subscribe([topic])
        self._outstanding: dict[int, dict[int, bool]] = {}  # partition -> offset -> done

    def poll(self, max_items: int, timeout: float) -> list[Delivery]:
        out: list[Delivery] = []
        for msg in self._consumer.consume(num_messages=max_items, timeout=timeout):
            if msg.error():
                continue  # partition EOF and transient errors: librdkafka retries
            part, offset = int(msg.partition() or 0), int(msg.offset() or 0)
            did = f"{part}:{offset}"
            self._outstanding.setdefault(part, {})[offset] = False
            out.append(Delivery(did, msg.value() or b""))
        return out

    def ack(self, deliveries: Sequence[Delivery]) -> None:
        from confluent_kafka import TopicPartition

        touched: set[int] = set()
        for d in deliveries:
            part, offset = (int(x) for x in d.id.split(":"))
            self._outstanding.get(part, {})[offset] = True
            touched.add(part)
        commits: list[TopicPartition] = []
        for part in sorted(touched):
            marks, upto = self._outstanding[part], None
            for offset in sorted(marks):
                if not marks[offset]:
                    break
                del marks[offset]
                upto = offset
            if upto is not None:
                commits.append(TopicPartition(self.topic, part, upto + 1))
        if commits:
            self._consumer.commit(offsets=commits, asynchronous=False)

    def dead_letter(self, delivery: Delivery, error: str) -> None:
        headers: list[tuple[str, str | bytes | None]] = [
            ("error", error[:2000].encode()),
            ("source_id", delivery.id.encode()),
        ]
        self._producer.produce(self.dead_topic, value=delivery.payload, headers=headers)
        self._producer.flush(30)
        self.ack([delivery])

    def close(self) -> None:
        self._consumer.close()
        self._producer.flush(10)


class KafkaPublisher:
    def __init__(self, bootstrap: str, topic: str = "unmask.events") -> None:
        from confluent_kafka import Producer

        self.topic = topic
        self._producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})

    def publish(self, payloads: Sequence[bytes]) -> None:
        for p in payloads:
            while True:
                try:
                    self._producer.produce(self.topic, value=p)
                    break
                except BufferError:
                    self._producer.poll(0.1)
        self._producer.flush(30)
