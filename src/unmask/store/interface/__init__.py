"""The store's interface, one protocol per concern, with typed values from ``unmask.model``.

Everything goes through a unit of work: ``with store.unit_of_work() as uow:`` gives one
transaction in which ``uow.records``, ``uow.scans``, ``uow.cases``, ``uow.enforcement`` and
``uow.audit`` all act; leaving the block normally commits all of it, an exception (or a crash)
leaves none of it. ``unmask.store.sql`` implements it on SQLAlchemy (SQLite, PostgreSQL),
``unmask.store.memory`` in memory; ``tests/store/contract`` runs one suite on all three.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

from unmask.store.interface.people import Intel, LiveDecisions, Members, Users
from unmask.store.interface.records import ConflictError, Ingest, Records, Scans
from unmask.store.interface.review import Audit, Cases, Enforcement

__all__ = [
    "Audit",
    "Cases",
    "ConflictError",
    "DataStore",
    "Enforcement",
    "Ingest",
    "Intel",
    "LiveDecisions",
    "Members",
    "Records",
    "Scans",
    "UnitOfWork",
    "Users",
]


class UnitOfWork(Protocol):
    """One transaction over every concern."""

    @property
    def records(self) -> Records: ...

    @property
    def scans(self) -> Scans: ...

    @property
    def cases(self) -> Cases: ...

    @property
    def enforcement(self) -> Enforcement: ...

    @property
    def audit(self) -> Audit: ...

    @property
    def users(self) -> Users: ...

    @property
    def members(self) -> Members: ...

    @property
    def live(self) -> LiveDecisions: ...

    @property
    def intel(self) -> Intel: ...

    @property
    def ingest(self) -> Ingest: ...


class DataStore(Protocol):
    """What the stages and surfaces need of a store."""

    def unit_of_work(self) -> AbstractContextManager[UnitOfWork]: ...
