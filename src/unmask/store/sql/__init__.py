"""The store's interface on SQLAlchemy: one connection, one transaction, every concern."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from unmask.store.interface import UnitOfWork
from unmask.store.sql.audit import SqlAudit
from unmask.store.sql.cases import SqlCases
from unmask.store.sql.enforcement import SqlEnforcement
from unmask.store.sql.ingest import SqlIngest
from unmask.store.sql.intel import SqlIntel
from unmask.store.sql.live import SqlLive
from unmask.store.sql.members import SqlMembers
from unmask.store.sql.records import SqlRecords
from unmask.store.sql.scans import SqlScans
from unmask.store.sql.users import SqlUsers


class SqlUnitOfWork:
    """The concerns of ``unmask.store.interface`` sharing the caller's transaction."""

    def __init__(self, conn: Connection) -> None:
        self.records = SqlRecords(conn)
        self.scans = SqlScans(conn)
        self.cases = SqlCases(conn)
        self.enforcement = SqlEnforcement(conn)
        self.audit = SqlAudit(conn)
        self.users = SqlUsers(conn)
        self.members = SqlMembers(conn)
        self.live = SqlLive(conn)
        self.intel = SqlIntel(conn)
        self.ingest = SqlIngest(conn)


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[SqlUnitOfWork]:
    """Commit when the block ends normally, roll back on an exception."""
    with engine.begin() as conn:
        yield SqlUnitOfWork(conn)


__all__ = ["SqlUnitOfWork", "unit_of_work"]


def _conforms(conn: Connection) -> UnitOfWork:  # mypy checks it against the protocol
    return SqlUnitOfWork(conn)
