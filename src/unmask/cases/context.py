"""What a reviewer (and an action) needs around one account (``unmask.model.context``, read by
``unmask.store.context``), and the exposure of many accounts at once for syncing the queue."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from unmask.cases.priority import exposure
from unmask.model.context import AccountContext
from unmask.model.records import Account, Invitation, Message, Organisation
from unmask.model.snapshot import Snapshot
from unmask.store.context import load_context
from unmask.store.interface import Records
from unmask.store.queries import all_records, records_in

__all__ = ["AccountContext", "exposures", "load_context"]


def exposures(records: Records, subjects: Iterable[str], scale: float = 10.0) -> dict[str, float]:
    """Exposure of many accounts at once (for syncing the queue)."""
    wanted = set(subjects)
    sent: dict[str, set[str]] = defaultdict(set)
    for inv in records_in(records, Invitation, "sender", wanted):
        sent[inv.sender].add(inv.recipient)
    for msg in records_in(records, Message, "sender", wanted):
        sent[msg.sender].add(msg.recipient)
    everyone = set().union(*sent.values()) if sent else set()
    snapshot = Snapshot(
        accounts={a.id: a for a in records_in(records, Account, "id", everyone)},
        organisations={o.id: o for o in all_records(records, Organisation)},
    )
    return {s: exposure((snapshot.sector_of(r) for r in sent.get(s, ())), scale) for s in wanted}
