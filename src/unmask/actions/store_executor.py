"""An executor that treats the store as the platform. Severing rewrites no record: the ``sever``
action the decision records is the enforcement state, and every reader applies it
(``unmask.model.severance``: the account's connections are hidden, its pending invitations read
as withdrawn), so re-ingesting the original export adds nothing. Restoring is the ``reinstate``
action lifting it. Inside a decision it reads through the decision's unit of work (``within``)."""

from __future__ import annotations

from unmask.actions.executor import Executor, Severed
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
        """What severing takes away, as the readers see it now (before the action is recorded)."""
        records = self.uow.records
        links = records.connections_of(account_id)
        invites = records.pending_invitations_of(account_id)
        return Severed(
            tuple((c.source, c.target) for c in links),
            tuple(i.id for i in invites),
            tuple(c.created_at.isoformat() for c in links),
        )

    def restore(self, account_id: str, severed: Severed) -> None:
        """The ``reinstate`` action the caller records lifts the severance; nothing to write."""
