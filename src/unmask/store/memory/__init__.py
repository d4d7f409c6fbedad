"""The store's interface in memory: the twin for tests and demos. A unit of work works on a copy
of the state and swaps it in on commit, so a failed one leaves nothing behind; units of work
run one at a time (as SQLite's writers do)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from unmask.store.interface import DataStore, UnitOfWork
from unmask.store.memory.audit import MemoryAudit
from unmask.store.memory.cases import MemoryCases
from unmask.store.memory.enforcement import MemoryEnforcement
from unmask.store.memory.ingest import MemoryIngest
from unmask.store.memory.intel import MemoryIntel
from unmask.store.memory.live import MemoryLive
from unmask.store.memory.members import MemoryMembers
from unmask.store.memory.records import MemoryRecords
from unmask.store.memory.scans import MemoryScans
from unmask.store.memory.state import State
from unmask.store.memory.users import MemoryUsers


class MemoryUnitOfWork:
    def __init__(self, state: State) -> None:
        self.records = MemoryRecords(state)
        self.scans = MemoryScans(state)
        self.cases = MemoryCases(state)
        self.enforcement = MemoryEnforcement(state)
        self.audit = MemoryAudit(state)
        self.users = MemoryUsers(state)
        self.members = MemoryMembers(state)
        self.live = MemoryLive(state)
        self.intel = MemoryIntel(state)
        self.ingest = MemoryIngest(state)


class MemoryStore:
    def __init__(self) -> None:
        self.state = State()
        self._lock = threading.RLock()

    @contextmanager
    def unit_of_work(self) -> Iterator[MemoryUnitOfWork]:
        with self._lock:
            work = self.state.copy()
            yield MemoryUnitOfWork(work)
            self.state = work


def _conforms(state: State) -> tuple[UnitOfWork, DataStore]:  # mypy checks these
    return MemoryUnitOfWork(state), MemoryStore()


__all__ = ["MemoryStore", "MemoryUnitOfWork"]
