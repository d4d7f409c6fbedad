"""An executor that treats the store as the platform: severing deletes the account's connections
and withdraws its pending invitations (both ways); restoring puts the connections back. Inside a
decision it writes through the decision's unit of work (``within``)."""

from __future__ import annotations

from datetime import UTC, datetime

from unmask.actions.executor import Executor, Severed
from unmask.ingest.validate import content_hash
from unmask.model.enums import InvitationStatus
from unmask.model.records import Connection
from unmask.store.interface import DataStore, UnitOfWork


class StoreExecutor:
    name = "store"

    def __init__(self, store: DataStore) -> None:
        self.store = store

    def within(self, uow: UnitOfWork) -> Executor:
        return _InUnit(uow)

    def restrict(self, account_id: str) -> None:
        """Restriction is recorded by the caller in the enforcement table; nothing to change."""

    def remove(self, account_id: str) -> None:
        """Removal is recorded by the caller; severing is a separate step."""

    def reinstate(self, account_id: str) -> None:
        """Reinstatement is recorded by the caller."""

    def sever(self, account_id: str) -> Severed:
        with self.store.unit_of_work() as uow:
            return _InUnit(uow).sever(account_id)

    def restore(self, account_id: str, severed: Severed) -> None:
        with self.store.unit_of_work() as uow:
            _InUnit(uow).restore(account_id, severed)


class _InUnit(StoreExecutor):
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def within(self, uow: UnitOfWork) -> Executor:
        return _InUnit(uow)

    def sever(self, account_id: str) -> Severed:
        now = datetime.now(UTC)
        records = self.uow.records
        links = records.connections_of(account_id)
        records.delete_connections_of(account_id)
        invites = records.pending_invitations_of(account_id)
        for inv in invites:
            withdrawn = inv.model_copy(update={"status": InvitationStatus.WITHDRAWN})
            records.replace(withdrawn, content_hash(withdrawn), now)
        return Severed(
            tuple((c.source, c.target) for c in links),
            tuple(i.id for i in invites),
            tuple(c.created_at.isoformat() for c in links),
        )

    def restore(self, account_id: str, severed: Severed) -> None:
        now = datetime.now(UTC)
        since = severed.since or tuple(now.isoformat() for _ in severed.connections)
        back = [
            Connection(source=a, target=b, created_at=t)
            for (a, b), t in zip(severed.connections, since, strict=True)
        ]
        self.uow.records.add_new([(c, content_hash(c)) for c in back], now)
