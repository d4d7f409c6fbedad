"""The live service: the pure scorer wired to the window store, the directory and the store.

``score`` serves one HTTP request; ``process`` one batch from a stream (one window round trip,
one store transaction). Both are idempotent per event key: a repeated event gets the decision
stored the first time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from unmask.detectors import Registry
from unmask.live.assess import LiveScorer
from unmask.live.decide import Decision, Reason
from unmask.live.events import LiveEvent
from unmask.live.windows import MemoryWindows, Op, WindowStore
from unmask.scoring import Policy, resolve_policy
from unmask.store import Store
from unmask.workers import decisions
from unmask.workers.directory import StoreDirectory
from unmask.workers.failpoints import failpoint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    decision: Decision
    duplicate: bool


def _from_row(row: dict[str, Any], warning: str | None) -> Decision:
    reasons = tuple(Reason(r["signal"], r["score"], r["text"]) for r in row["reasons"])
    return Decision(
        row["event_key"], row["kind"], row["subject"], row["target"], row["decision"],
        row["risk"], reasons, row["features"], row["policy_version"], warning,
    )  # fmt: skip


class _LockedWindows:
    """Serialise access to an in-memory window store shared by server threads."""

    def __init__(self, inner: MemoryWindows) -> None:
        self.inner = inner
        self.lock = threading.Lock()

    def apply(self, event_key: str, at: float, ops: Sequence[Op]) -> tuple[list[float], bool]:
        with self.lock:
            return self.inner.apply(event_key, at, ops)


def default_windows(redis_url: str | None = None, prefix: str = "unmask:") -> WindowStore:
    """Redis at ``redis_url`` (``UNMASK_REDIS_URL``) when set; else in memory, with a warning."""
    url = redis_url
    if url:
        from unmask.workers.redis_windows import RedisWindows

        return RedisWindows.from_url(url, prefix)
    log.warning("live windows are in memory: set UNMASK_REDIS_URL to keep them across restarts")
    return _LockedWindows(MemoryWindows())


def default_detectors(store: Store, policy: Policy, registry: Registry | None = None) -> list[Any]:
    """The sign-up detectors named by the policy, with their trained artefacts, plus
    ``approach_language`` when it is registered."""
    from unmask.detectors.trainable import load_trained

    if registry is None:
        from unmask.hooks import load_plugins

        registry = load_plugins(store.settings).detectors
    names = [n for n in (*policy.live.signup_detectors, "approach_language") if n in registry]
    detectors = [registry.create(n, **policy.params(n)) for n in names]
    load_trained(store.settings.models_dir, detectors)
    return detectors


class LiveService:
    def __init__(
        self,
        store: Store,
        windows: WindowStore,
        policy: Policy | None = None,
        detectors: Sequence[Any] | None = None,
        directory: StoreDirectory | None = None,
        registry: Registry | None = None,
    ) -> None:
        self.store = store
        self.windows = windows
        self.policy = policy or resolve_policy(store.settings)
        dets = default_detectors(store, self.policy, registry) if detectors is None else detectors
        self.scorer = LiveScorer(self.policy, dets)
        self.directory = directory or StoreDirectory(store)
        # One writer per process: SQLite lets one transaction write at a time and its busy
        # handler sleeps (1 ms, 2 ms, ... 100 ms) when threads collide; a lock queues them.
        self._write = threading.Lock()

    def score(self, event: LiveEvent, source: str = "api") -> Outcome:
        self.directory.prefetch([event.actor, *([event.target] if event.target else [])])
        p = self.scorer.prepare(event, self.directory)
        answers, _ = self.windows.apply(event.key, event.at.timestamp(), p.ops)
        decision = self.scorer.finish(p, answers, self.directory)
        with self._write:
            new = decisions.save_one(self.store, event, decision, source)
        if new:
            return Outcome(decision, False)
        row = decisions.get(self.store, event.key)
        return Outcome(_from_row(row, decision.recipient_warning) if row else decision, True)

    def process(self, events: Sequence[LiveEvent], source: str) -> list[Decision]:
        """A batch from a stream: windows in one round trip, decisions in one transaction."""
        if not events:
            return []
        ids = {e.actor for e in events} | {e.target for e in events if e.target}
        self.directory.prefetch(ids)
        plans = [self.scorer.prepare(e, self.directory) for e in events]
        items = [(e.key, e.at.timestamp(), p.ops) for e, p in zip(events, plans, strict=True)]
        apply_many = getattr(self.windows, "apply_many", None)
        if apply_many is not None:
            results = apply_many(items)
        else:
            results = [self.windows.apply(*item) for item in items]
        failpoint("windows", self.store.settings.failpoint)
        out = [
            self.scorer.finish(p, answers, self.directory)
            for p, (answers, _) in zip(plans, results, strict=True)
        ]
        decisions.save(self.store, list(zip(events, out, strict=True)), source)
        return out
