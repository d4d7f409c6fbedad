"""An account's context read through the store: its invitations, messages, connections (and
the connections among its first ring, up to ``max_ring`` members), reports, the people involved
and every organisation page."""

from __future__ import annotations

from unmask.model.context import AccountContext
from unmask.model.records import Account, Invitation, Message, Organisation, Report
from unmask.model.records import Connection as Link
from unmask.model.snapshot import Snapshot
from unmask.store.interface import Records
from unmask.store.queries import all_records, records_either, records_in


def load_context(records: Records, subject: str, max_ring: int = 400) -> AccountContext:
    invitations = records_either(records, Invitation, ("sender", "recipient"), subject)
    messages = records_either(records, Message, ("sender", "recipient"), subject)
    links = records_either(records, Link, ("source", "target"), subject)
    ring = {c.target if c.source == subject else c.source for c in links}
    ring = set(sorted(ring)[:max_ring])
    people = ring | {i.recipient for i in invitations} | {i.sender for i in invitations}
    people |= {m.recipient for m in messages} | {m.sender for m in messages} | {subject}
    among = [c for c in records_in(records, Link, "source", ring) if c.target in ring]
    reports = records_in(records, Report, "reported", [subject])
    snapshot = Snapshot(
        accounts={a.id: a for a in records_in(records, Account, "id", people)},
        organisations={o.id: o for o in all_records(records, Organisation)},
        connections=links + among,
        invitations=invitations,
        messages=messages,
        reports=reports,
    )
    return AccountContext(subject, snapshot)
