"""What a reviewer (and an action) sees around one account: a small Snapshot, so that sectors
are looked up exactly as detectors look them up."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from unmask.model.records import Account, Organisation
from unmask.model.snapshot import Snapshot


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
