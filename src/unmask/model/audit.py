"""The audit chain, pure: each event's hash covers its content and the previous event's hash, so
changing, removing or reordering any stored event breaks every link after it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class Event:
    seq: int
    at: datetime
    actor: str
    kind: str
    reason: str
    policy_version: str
    case_id: int | None = None
    subject: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ChainedEvent:
    event: Event
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    head: str
    bad_seq: int | None = None
    problem: str = ""


def utc_text(at: datetime) -> str:
    """One spelling of a time, whatever the database hands back (naive SQLite times are UTC)."""
    aware = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return aware.isoformat(timespec="microseconds")


def canonical(event: Event) -> bytes:
    body = {
        "seq": event.seq,
        "at": utc_text(event.at),
        "actor": event.actor,
        "kind": event.kind,
        "reason": event.reason,
        "policy_version": event.policy_version,
        "case_id": event.case_id,
        "subject": event.subject,
        "payload": event.payload,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def link_hash(prev_hash: str, event: Event) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(event)).hexdigest()


def chain(prev_hash: str, event: Event) -> ChainedEvent:
    return ChainedEvent(event, prev_hash, link_hash(prev_hash, event))


def verify_chain(events: Iterable[ChainedEvent]) -> Verification:
    """Walk the events in sequence order; report the first one whose link does not hold."""
    expected_prev, expected_seq, checked = GENESIS, 1, 0
    for item in events:
        seq = item.event.seq
        if seq != expected_seq:
            problem = f"sequence jumps from {expected_seq - 1} to {seq} (events missing)"
            return Verification(False, checked, expected_prev, seq, problem)
        if item.prev_hash != expected_prev:
            problem = "its previous-hash does not match the event before it"
            return Verification(False, checked, expected_prev, seq, problem)
        if link_hash(item.prev_hash, item.event) != item.hash:
            problem = "its content does not match its hash (the event was altered)"
            return Verification(False, checked, expected_prev, seq, problem)
        expected_prev, expected_seq, checked = item.hash, seq + 1, checked + 1
    return Verification(True, checked, expected_prev)
