"""Windowed state for the live features: a tiny instruction set with one meaning everywhere.

An event turns into a list of ``Op``; a ``WindowStore`` applies them atomically, at the event's own
time, and returns one number per op. Applying the same event key twice changes nothing and returns
the first answer again, so a stream redelivered after a crash counts each event once. Two
implementations share these semantics: ``MemoryWindows`` below (tests, the batch replay, a server
without Redis) and ``unmask.workers.redis_windows.RedisWindows`` (one Lua script per event).

Ops (``t`` is the event time in epoch seconds):

- ``zadd key member window``: (a key's zadd carries the longest window it is read with)
  remember ``member`` at ``t``; answer how many distinct members were
  seen in ``(t - window, t]`` (a sliding count when members are event ids, a distinct count when
  they are targets).
- ``zcount key - window``: the same count without writing.
- ``hincr key field amount``: add ``amount`` to a running total; answer the new total.
- ``near key number window``: answer 1 when a number within ``NEAR_RADIUS`` of ``number`` (but not
  itself) was seen in the window, else 0; then remember ``number`` (enumeration by id).

``when=i`` makes an op write only when op ``i``'s answer is positive; otherwise it just reads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

NEAR_RADIUS = 3
#: How long an event key is remembered for deduplication (seconds of wall-clock time).
DEDUP_TTL = 7 * 86_400

_TOP = "\U0010ffff"
OpKind = Literal["zadd", "zcount", "hincr", "near"]


@dataclass(frozen=True, slots=True)
class Op:
    kind: OpKind
    key: str
    member: str = ""
    window: float = 0.0  # seconds for zadd/zcount/near; the amount for hincr
    when: int = -1


class WindowStore(Protocol):
    def apply(self, event_key: str, at: float, ops: Sequence[Op]) -> tuple[list[float], bool]:
        """Apply ``ops`` once per ``event_key``; returns (answers, first time seen)."""
        ...


class _ZSet:
    """Members with their latest time, ordered by time (bisect for window counts)."""

    __slots__ = ("order", "scores")

    def __init__(self) -> None:
        self.scores: dict[str, float] = {}
        self.order: list[tuple[float, str]] = []

    def add(self, member: str, at: float) -> None:
        old = self.scores.get(member)
        if old is not None:
            if old >= at:
                return
            del self.order[bisect_left(self.order, (old, member))]
        self.scores[member] = at
        insort(self.order, (at, member))

    def count(self, lo: float, hi: float) -> int:
        """Members whose latest time is in ``(lo, hi]``."""
        return bisect_right(self.order, (hi, _TOP)) - bisect_right(self.order, (lo, _TOP))

    def trim(self, horizon: float) -> None:
        k = bisect_right(self.order, (horizon, _TOP))
        for _, member in self.order[:k]:
            del self.scores[member]
        del self.order[:k]


class MemoryWindows:
    """The in-memory twin: exact, single-process, lost on restart."""

    def __init__(self, remember_events: bool = True) -> None:
        self.remember_events = remember_events
        self._z: dict[str, _ZSet] = {}
        self._h: dict[str, dict[str, float]] = {}
        self._seen: dict[str, list[float]] = {}

    def apply(self, event_key: str, at: float, ops: Sequence[Op]) -> tuple[list[float], bool]:
        if self.remember_events and event_key in self._seen:
            return list(self._seen[event_key]), False
        out: list[float] = []
        for op in ops:
            write = op.when < 0 or out[op.when] > 0
            out.append(self._one(op, at, write))
        if self.remember_events:
            self._seen[event_key] = list(out)
        return out, True

    def _one(self, op: Op, at: float, write: bool) -> float:
        if op.kind == "hincr":
            h = self._h.setdefault(op.key, {})
            if write:
                h[op.member] = h.get(op.member, 0.0) + op.window
            return h.get(op.member, 0.0)
        zset = self._z.get(op.key)
        if zset is None:
            zset = self._z[op.key] = _ZSet()
        answer = 0.0
        if op.kind == "near":
            n, lo = int(op.member), at - op.window
            for d in range(-NEAR_RADIUS, NEAR_RADIUS + 1):
                s = zset.scores.get(str(n + d)) if d else None
                if s is not None and lo < s <= at:
                    answer = 1.0
                    break
        if write and op.kind != "zcount":
            zset.add(op.member, at)
            zset.trim(at - 2 * op.window)  # a zadd carries its key's longest window
        return answer if op.kind == "near" else float(zset.count(at - op.window, at))
