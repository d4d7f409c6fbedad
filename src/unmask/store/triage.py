"""Unverified member reports (``member_triage``): written by the public report button, read by
analysts. Kept apart from ``report`` records on purpose: nothing here opens or re-prioritises a
case or counts towards any reporter's track record. Stored through ``uow.members``."""

from __future__ import annotations

from unmask.model.members import TriageItem
from unmask.store.interface import DataStore

#: At most this many unverified reports are kept (the oldest go first), so that a flood of
#: anonymous reports from many addresses cannot grow the table without bound.
MAX_ITEMS = 100_000

__all__ = ["MAX_ITEMS", "Triage", "TriageItem"]


class Triage:
    """The store's triage queue of unverified reports."""

    def __init__(self, store: DataStore) -> None:
        self.store = store

    def add(
        self, reported: str, reason: str, text: str, verified_reporter: str | None = None
    ) -> None:
        with self.store.unit_of_work() as uow:
            uow.members.add_triage(
                reported[:200], reason[:40], text[:5000], verified_reporter, MAX_ITEMS
            )

    def count(self, reported: str | None = None) -> int:
        with self.store.unit_of_work() as uow:
            return uow.members.triage_count(reported)

    def items(self, reported: str | None = None, limit: int = 100) -> list[TriageItem]:
        with self.store.unit_of_work() as uow:
            return uow.members.triage_items(reported, limit)
