"""What a reviewer (and an action) needs around one account, read from the store as a small
Snapshot so that sectors are looked up exactly as detectors look them up."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from unmask.cases.priority import exposure
from unmask.cases.queries import all_records, records_either, records_in
from unmask.model.records import (
    Account,
    Invitation,
    Message,
    Organisation,
    Report,
)
from unmask.model.records import (
    Connection as Link,
)
from unmask.model.snapshot import Snapshot
from unmask.store.interface import Records


@dataclass(frozen=True)
class AccountContext:
    subject: str
    snapshot: Snapshot

    @property
    def account(self) -> Account | None:
        return self.snapshot.accounts.get(self.subject)

    @cached_property
    def contacted(self) -> dict[str, str]:
        """Everyone the account approached: member id -> invitation, message or both."""
        how: dict[str, set[str]] = defaultdict(set)
        for inv in self.snapshot.invitations:
            if inv.sender == self.subject:
                how[inv.recipient].add("invitation")
        for msg in self.snapshot.messages:
            if msg.sender == self.subject:
                how[msg.recipient].add("message")
        return {m: ("both" if len(k) == 2 else next(iter(k))) for m, k in sorted(how.items())}

    def sector_counts(self) -> Counter[str]:
        return Counter(self.snapshot.sector_of(m) or "unknown" for m in self.contacted)

    def exposure(self, scale: float = 10.0) -> float:
        return exposure((self.snapshot.sector_of(m) for m in self.contacted), scale)

    @property
    def neighbours(self) -> frozenset[str]:
        return self.snapshot.neighbours.get(self.subject, frozenset())

    def employer(self) -> Organisation | None:
        account = self.account
        if account is None or not account.positions:
            return None
        pos = account.positions[0]
        orgs = self.snapshot.organisations
        return orgs.get(pos.organisation_id or "") or self.snapshot.organisations_by_name.get(
            pos.employer.casefold()
        )


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
