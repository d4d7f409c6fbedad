"""Severance as enforcement state beside the records, never a rewrite of them.

Removing an account severs it from members' networks: its connections stop counting and its
pending invitations read as withdrawn. The records stay as the platform exported them (so
re-ingesting that export adds nothing); the ``sever`` action on the record is the state, lifted by
a later ``reinstate``, and every reader of connections and invitations applies it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from unmask.model.enums import InvitationStatus
from unmask.model.records import Connection, Invitation
from unmask.model.review import Action
from unmask.model.snapshot import Snapshot

#: The action kinds that set and lift a severance.
SEVER, REINSTATE = "sever", "reinstate"


def in_force(actions: Iterable[tuple[int, str, str]]) -> frozenset[str]:
    """Accounts whose latest sever/reinstate action is a sever, from (action id, kind, subject)."""
    last: dict[str, str] = {}
    for _, kind, subject in sorted(actions):
        if kind in (SEVER, REINSTATE):
            last[subject] = kind
    return frozenset(s for s, kind in last.items() if kind == SEVER)


def of_actions(actions: Iterable[Action]) -> frozenset[str]:
    return in_force((a.id, a.kind, a.subject) for a in actions)


def connections(found: Iterable[Connection], severed: frozenset[str]) -> list[Connection]:
    return [c for c in found if c.source not in severed and c.target not in severed]


def invitation(inv: Invitation, severed: frozenset[str]) -> Invitation:
    """A pending invitation to or from a severed account reads as withdrawn."""
    if inv.status is InvitationStatus.PENDING and {inv.sender, inv.recipient} & severed:
        return inv.model_copy(update={"status": InvitationStatus.WITHDRAWN})
    return inv


def invitations(found: Sequence[Invitation], severed: frozenset[str]) -> list[Invitation]:
    return [invitation(i, severed) for i in found]


def apply(snapshot: Snapshot, severed: frozenset[str]) -> Snapshot:
    if not severed:
        return snapshot
    return dataclasses.replace(
        snapshot,
        connections=connections(snapshot.connections, severed),
        invitations=invitations(snapshot.invitations, severed),
    )
