"""The enforcement seam: what the platform is asked to do to an account. ``InMemoryExecutor`` is
the twin used in tests; ``StoreExecutor`` treats the store as the platform."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from unmask.store.interface import UnitOfWork


@dataclass(frozen=True)
class Severed:
    """What removing an account from members' networks took away."""

    connections: tuple[tuple[str, str], ...] = ()
    invitations: tuple[str, ...] = ()
    since: tuple[str, ...] = ()  # when each connection was made (ISO 8601), when known


class Executor(Protocol):
    name: str

    def restrict(self, account_id: str) -> None: ...

    def remove(self, account_id: str) -> None: ...

    def reinstate(self, account_id: str) -> None: ...

    def sever(self, account_id: str) -> Severed: ...

    def restore(self, account_id: str, severed: Severed) -> None: ...


@runtime_checkable
class Transactional(Protocol):
    """An executor whose effects are store writes: it acts inside the decision's unit of work,
    so they commit with the case and the audit event, or not at all."""

    def within(self, uow: UnitOfWork) -> Executor: ...


@dataclass
class InMemoryExecutor:
    """A platform in memory: account states, connections and pending invitations."""

    connections: set[tuple[str, str]] = field(default_factory=set)
    pending: dict[str, tuple[str, str]] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)
    name: str = "memory"

    def restrict(self, account_id: str) -> None:
        self.calls.append(("restrict", account_id))
        self.states[account_id] = "restricted"

    def remove(self, account_id: str) -> None:
        self.calls.append(("remove", account_id))
        self.states[account_id] = "removed"

    def reinstate(self, account_id: str) -> None:
        self.calls.append(("reinstate", account_id))
        self.states[account_id] = "active"

    def sever(self, account_id: str) -> Severed:
        self.calls.append(("sever", account_id))
        gone = sorted(c for c in self.connections if account_id in c)
        self.connections.difference_update(gone)
        invites = sorted(i for i, pair in self.pending.items() if account_id in pair)
        for i in invites:
            del self.pending[i]
        return Severed(tuple(gone), tuple(invites))

    def restore(self, account_id: str, severed: Severed) -> None:
        self.calls.append(("restore", account_id))
        self.connections.update(severed.connections)
