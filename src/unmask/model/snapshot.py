"""A read-only view of everything known at one time: what detectors judge.

A snapshot is pure data. The store, a folder of interchange files or a single checker request all
produce one; detectors never know which.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property

from unmask.model.records import (
    Account,
    Connection,
    Endorsement,
    Indicator,
    Invitation,
    Label,
    Login,
    Message,
    Organisation,
    ProfileView,
    Record,
    Report,
)
from unmask.model.versions import RecordVersion


@dataclass(frozen=True)
class Snapshot:
    accounts: Mapping[str, Account] = field(default_factory=dict)
    organisations: Mapping[str, Organisation] = field(default_factory=dict)
    connections: Sequence[Connection] = ()
    invitations: Sequence[Invitation] = ()
    messages: Sequence[Message] = ()
    logins: Sequence[Login] = ()
    reports: Sequence[Report] = ()
    profile_views: Sequence[ProfileView] = ()
    endorsements: Sequence[Endorsement] = ()
    indicators: Sequence[Indicator] = ()
    labels: Sequence[Label] = ()
    as_of: datetime = field(default_factory=lambda: datetime.now(UTC))
    #: Every version of each account that has changed (``unmask.model.versions``), oldest
    #: observation first; ``accounts`` holds the latest. Accounts that never changed are absent.
    #: (``Store.snapshot`` without ``as_of`` takes the latest observation into ``as_of``.)
    history: Mapping[str, Sequence[RecordVersion]] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: Iterable[Record], as_of: datetime | None = None) -> Snapshot:
        buckets: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            buckets[record.record_type].append(record)
        accounts = {a.id: a for a in buckets["account"] if isinstance(a, Account)}
        orgs = {o.id: o for o in buckets["organisation"] if isinstance(o, Organisation)}
        if as_of is None:
            stamps = [a.created_at for a in accounts.values()]
            as_of = max(stamps) if stamps else datetime.now(UTC)
        return cls(
            accounts=accounts,
            organisations=orgs,
            connections=[r for r in buckets["connection"] if isinstance(r, Connection)],
            invitations=[r for r in buckets["invitation"] if isinstance(r, Invitation)],
            messages=[r for r in buckets["message"] if isinstance(r, Message)],
            logins=[r for r in buckets["login"] if isinstance(r, Login)],
            reports=[r for r in buckets["report"] if isinstance(r, Report)],
            profile_views=[r for r in buckets["profile_view"] if isinstance(r, ProfileView)],
            endorsements=[r for r in buckets["endorsement"] if isinstance(r, Endorsement)],
            indicators=[r for r in buckets["indicator"] if isinstance(r, Indicator)],
            labels=[r for r in buckets["label"] if isinstance(r, Label)],
            as_of=as_of,
        )

    @cached_property
    def neighbours(self) -> Mapping[str, frozenset[str]]:
        adj: dict[str, set[str]] = defaultdict(set)
        for c in self.connections:
            adj[c.source].add(c.target)
            adj[c.target].add(c.source)
        return {k: frozenset(v) for k, v in adj.items()}

    @cached_property
    def invitations_by_sender(self) -> Mapping[str, Sequence[Invitation]]:
        out: dict[str, list[Invitation]] = defaultdict(list)
        for inv in self.invitations:
            out[inv.sender].append(inv)
        return dict(out)

    @cached_property
    def messages_by_sender(self) -> Mapping[str, Sequence[Message]]:
        out: dict[str, list[Message]] = defaultdict(list)
        for msg in self.messages:
            out[msg.sender].append(msg)
        return dict(out)

    @cached_property
    def logins_by_account(self) -> Mapping[str, Sequence[Login]]:
        out: dict[str, list[Login]] = defaultdict(list)
        for login in self.logins:
            out[login.account_id].append(login)
        return dict(out)

    @cached_property
    def organisations_by_name(self) -> Mapping[str, Organisation]:
        return {o.name.casefold(): o for o in self.organisations.values()}

    def sector_of(self, account_id: str) -> str | None:
        """The sector of an account's current employer, when the employer is on the platform."""
        account = self.accounts.get(account_id)
        if account is None or not account.positions:
            return None
        pos = account.positions[0]
        org = self.organisations.get(pos.organisation_id or "") or self.organisations_by_name.get(
            pos.employer.casefold()
        )
        return org.sector.value if org else None
