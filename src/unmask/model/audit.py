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
    unreadable: str = ""  # set by a store that could not decode the stored row (what was wrong)


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    head: str
    bad_seq: int | None = None
    problem: str = ""
    head_seq: int = 0


@dataclass(frozen=True)
class Head:
    """A point of the chain saved outside the store (``unmask audit head``): the sequence number
    and hash of the newest event then. Verifying against it later catches a history rewritten
    with every later hash recomputed, which the chain alone cannot."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Head:
        seq, sep, digest = text.strip().partition(":")
        if not sep or not seq.isdigit() or len(digest) != 64:
            raise ValueError(
                f"not a saved head (SEQ:SHA256 as 'unmask audit head' prints): {text!r}"
            )
        int(digest, 16)
        return cls(int(seq), digest.lower())


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


def _problem(item: ChainedEvent, expected_seq: int, expected_prev: str, saved: Head | None) -> str:
    """What is wrong with one event where the chain expects ``expected_seq``, or ""."""
    seq = item.event.seq
    if item.unreadable:
        return f"the stored row cannot be read: {item.unreadable}"
    if seq != expected_seq:
        return f"sequence jumps from {expected_seq - 1} to {seq} (events missing)"
    if item.prev_hash != expected_prev:
        return "its previous-hash does not match the event before it"
    if link_hash(item.prev_hash, item.event) != item.hash:
        return "its content does not match its hash (the event was altered)"
    if saved is not None and seq == saved.seq and item.hash != saved.hash:
        return (
            f"its hash differs from the head saved earlier ({saved}): the history up to it "
            "was rewritten"
        )
    return ""


def verify_chain(events: Iterable[ChainedEvent], saved: Head | None = None) -> Verification:
    """Walk the events in sequence order; report the first one whose link does not hold, and,
    given a head saved earlier, whether the chain still passes through it."""
    expected_prev, expected_seq, checked = GENESIS, 1, 0
    for item in events:
        seq = item.event.seq
        problem = _problem(item, expected_seq, expected_prev, saved)
        if problem:
            return Verification(False, checked, expected_prev, seq, problem, expected_seq - 1)
        expected_prev, expected_seq, checked = item.hash, seq + 1, checked + 1
    if saved is not None and checked < saved.seq:
        problem = f"the chain ends at event {checked}, before the saved head {saved.seq}"
        return Verification(False, checked, expected_prev, checked + 1, problem, checked)
    return Verification(True, checked, expected_prev, head_seq=checked)
