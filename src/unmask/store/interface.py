"""The store's interface, one protocol per concern, with typed values from ``unmask.model``.

Everything goes through a unit of work: ``with store.unit_of_work() as uow:`` gives one
transaction in which ``uow.records``, ``uow.scans``, ``uow.cases``, ``uow.enforcement`` and
``uow.audit`` all act; leaving the block normally commits all of it, an exception (or a crash)
leaves none of it. ``unmask.store.sql`` implements it on SQLAlchemy (SQLite, PostgreSQL),
``unmask.store.memory`` in memory; ``tests/store/contract`` runs one suite on all three.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

from unmask.model.audit import ChainedEvent
from unmask.model.findings import Assessment, Finding
from unmask.model.ingest import IngestFile, Quarantined
from unmask.model.intel import ContextObject, FeedCursor
from unmask.model.live import LiveRecord
from unmask.model.members import StoredAlert, TriageItem
from unmask.model.records import Connection, Invitation, RecordBase
from unmask.model.review import (
    Action,
    Appeal,
    Case,
    CaseSummary,
    Decision,
    Filters,
    Notification,
)
from unmask.model.scans import Scan, ScanCampaign, Scored
from unmask.model.users import Session, StoredUser
from unmask.model.versions import RecordVersion


class ConflictError(ValueError):
    """A write clashes with what is stored (a unique name or key taken)."""


class Records(Protocol):
    """The interchange records (accounts, connections, invitations, indicators, ...)."""

    def get(self, kind: str, key: str) -> RecordBase | None: ...

    def page(self, kind: str, after: str | None, limit: int) -> list[RecordBase]:
        """Up to ``limit`` records with keys after ``after``, by key."""
        ...

    def count(self, kind: str) -> int: ...

    def matching(self, kind: str, column: str, values: Iterable[str]) -> list[RecordBase]:
        """Records whose ``column`` (a field, or ``key``) is one of ``values``, by key."""
        ...

    def all(self, kind: str) -> list[RecordBase]:
        """Every record of a type, by key (for small tables: organisations)."""
        ...

    def add_new(self, items: Sequence[tuple[RecordBase, str]], now: datetime) -> int:
        """Insert each (record, content hash) whose key is not stored yet; how many were."""
        ...

    def values(self, kind: str, column: str, keys: Sequence[str]) -> dict[str, Any]:
        """One field of each stored key (None when unset), as JSON values (nested fields as
        lists and dicts): a narrow read for hot paths that need one field of many records."""
        ...

    def hashes(self, kind: str, keys: Sequence[str]) -> dict[str, str]:
        """The stored content hash of each key that is stored."""
        ...

    def added_at(self, kind: str, keys: Sequence[str]) -> dict[str, datetime]:
        """When each stored key was written (UTC)."""
        ...

    def delete(self, kind: str, keys: Sequence[str]) -> int: ...

    def replace(self, record: RecordBase, digest: str, now: datetime) -> None:
        """Store the record under its key, replacing what was there."""
        ...

    def history(self, kind: str, keys: Sequence[str]) -> dict[str, list[RecordVersion]]:
        """Every stored version of each key that has any (``unmask.model.versions``), oldest
        observation first. The current table holds the latest of them."""
        ...

    def add_versions(self, versions: Sequence[RecordVersion], now: datetime) -> None:
        """Keep these versions in the history (a (kind, key, version) stored twice is an error)."""
        ...

    def changed_keys(self, kind: str) -> list[str]:
        """Keys of a type with more than one version, by key."""
        ...

    def severed(self) -> frozenset[str]:
        """Accounts severed from members' networks (``unmask.model.severance``): the readers
        below, and ``Store.snapshot``, hide their connections and withdraw their pending
        invitations; the stored records stay as exported."""
        ...

    def connections_of(self, account_id: str) -> list[Connection]:
        """Both directions, without severed accounts' connections, ordered by (source, target)."""
        ...

    def connection_count(self, account_id: str) -> int: ...

    def delete_connections_of(self, account_id: str) -> int: ...

    def pending_invitations_of(self, account_id: str) -> list[Invitation]:  # severance applied
        """Sent or received, still pending, ordered by id."""
        ...


class Scans(Protocol):
    """Scans and what they found: findings, assessments, campaigns."""

    def open(self, engine: str, policy_version: str, detectors: Sequence[str]) -> int: ...

    def write(
        self, scan_id: int, assessed: Sequence[Assessment], campaigns: Sequence[ScanCampaign]
    ) -> None:
        """Replace what the scan had stored (findings of accounts and campaigns, assessments,
        campaigns) and mark it done."""
        ...

    def fail(self, scan_id: int) -> None: ...

    def record_findings(
        self, engine: str, policy_version: str, detectors: Sequence[str], found: Sequence[Finding]
    ) -> int:
        """A scan that only keeps findings (intelligence matches), stored with ``engine`` as its
        status so it is never the latest finished scan."""
        ...

    def get(self, scan_id: int) -> Scan | None: ...

    def latest(self, finished: bool = True) -> Scan | None:
        """The newest scan that finished (or, ``finished=False``, the newest at all)."""
        ...

    def findings(self, scan_id: int, subject: str) -> list[Finding]:
        """Every field as written; strongest first, abstentions last, then by detector."""
        ...

    def findings_of(self, scan_id: int, subjects: Sequence[str]) -> dict[str, list[Finding]]:
        """``findings`` of many subjects at once (those with none are left out)."""
        ...

    def assessments(
        self,
        scan_id: int,
        *,
        subjects: Sequence[str] | None = None,
        routes: Sequence[str] | None = None,
        subject_kind: str | None = None,
        limit: int | None = None,
    ) -> list[Scored]:
        """Riskiest first, then by subject."""
        ...

    def campaigns(self, scan_id: int) -> list[ScanCampaign]:
        """By key."""
        ...


class Cases(Protocol):
    """Cases, the decisions taken on them and the appeals against those."""

    def get(self, case_id: int) -> Case | None: ...

    def search(self, filters: Filters) -> tuple[list[Case], int]:
        """One page in the filter's order, and how many match in all."""
        ...

    def latest_for(self, subjects: Sequence[str]) -> dict[str, Case]:
        """The newest case (highest generation) of each subject that has one."""
        ...

    def summary(self) -> CaseSummary:
        """Queued campaigns largest first (then by key)."""
        ...

    def of_campaign(self, campaign: str) -> list[Case]:
        """Highest priority first."""
        ...

    def open(self, **values: Any) -> int:
        """A new case from its fields (``opened_at``/``updated_at`` default to now)."""
        ...

    def update(self, case_id: int, **changes: Any) -> None:
        """Change fields of a case; ``updated_at`` becomes now."""
        ...

    def add_decision(
        self,
        case_id: int,
        action: str,
        scope: str,
        reason: str,
        actor: str,
        status: str,
        policy_version: str,
    ) -> int: ...

    def decision(self, decision_id: int) -> Decision | None: ...

    def decisions_of(self, case_id: int) -> list[Decision]:
        """Oldest first."""
        ...

    def pending_decision(self, case_id: int) -> Decision | None: ...

    def decisions_with(self, statuses: Sequence[str]) -> list[Decision]:
        """Every decision in one of these statuses, oldest first."""
        ...

    def resolve_decision(
        self, decision_id: int, status: str, second_actor: str, second_reason: str
    ) -> bool:
        """Only a pending decision is resolved; False when someone else resolved it first."""
        ...

    def add_appeal(self, case_id: int, text: str, filed_by: str) -> int: ...

    def pending_appeal(self, case_id: int) -> Appeal | None: ...

    def appeals_of(self, case_id: int) -> list[Appeal]:
        """Oldest first."""
        ...

    def appeals_with(self, outcome: str) -> list[Appeal]:
        """Every appeal with this outcome, oldest first."""
        ...

    def resolve_appeal(self, appeal_id: int, outcome: str) -> None: ...


class Enforcement(Protocol):
    """Account states, the actions taken and the notices owed (the outbox)."""

    def state(self, account_id: str) -> str:
        """``active`` unless an action changed it."""
        ...

    def set_state(self, account_id: str, state: str, case_id: int | None) -> None: ...

    def record_action(
        self,
        case_id: int | None,
        decision_id: int | None,
        kind: str,
        subject: str,
        detail: dict[str, Any],
        actor: str,
    ) -> int: ...

    def last_action(self, subject: str, kind: str) -> Action | None: ...

    def actions_of(self, case_id: int) -> list[Action]:
        """Oldest first."""
        ...

    def actions_of_kind(self, kind: str) -> list[Action]:
        """Every action of this kind, oldest first."""
        ...

    def notified(self, about: str) -> set[str]:
        """Members who have a notice (of any status) about the account."""
        ...

    def queue_notice(
        self, case_id: int | None, member: str, about: str, channel: str, title: str, body: str
    ) -> int:
        """A notice in the outbox, status ``queued``, delivered after the commit."""
        ...

    def notices(self, status: str | None = None, about: str | None = None) -> list[Notification]:
        """Oldest first."""
        ...

    def mark_notice(self, notice_id: int, status: str, error: str | None = None) -> None: ...


class Audit(Protocol):
    """The append-only, hash-chained audit log."""

    def append(
        self,
        *,
        actor: str,
        kind: str,
        reason: str,
        policy_version: str,
        case_id: int | None = None,
        subject: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> ChainedEvent:
        """Add one event at the head of the chain (serialised against other writers)."""
        ...

    def events(
        self, after: int = 0, case_id: int | None = None, limit: int = 2000
    ) -> list[ChainedEvent]:
        """Events with ``seq > after``, in sequence order."""
        ...


class Users(Protocol):
    """Console and API users, their API tokens (SHA-256 digests) and console sessions."""

    def add(self, name: str, role: str, password_hash: str) -> int:
        """Raises ``ConflictError`` when the name is taken."""
        ...

    def by_name(self, name: str) -> StoredUser | None: ...

    def set_password_hash(self, user_id: int, password_hash: str) -> None: ...

    def add_token(self, token_hash: str, user_id: int, label: str) -> None: ...

    def by_token(self, token_hash: str) -> StoredUser | None:
        """The token's user; None when there is no such token or it was revoked."""
        ...

    def add_session(self, token_hash: str, user_id: int, csrf: str, expires_at: datetime) -> None:
        """A new session; sessions that expired before now are dropped."""
        ...

    def session(self, token_hash: str) -> Session | None: ...

    def end_session(self, token_hash: str) -> None: ...


class Members(Protocol):
    """Organisations, their enrolled staff (identifier HMACs only), the users of their security
    team, and alerts to members."""

    def add_org(self, org_id: str, name: str) -> None:
        """Raises ``ConflictError`` when the id is taken."""
        ...

    def org_name(self, org_id: str) -> str | None: ...

    def staff(self, org_id: str) -> set[str]: ...

    def add_staff(self, org_id: str, ident_hashes: Sequence[str]) -> None:
        """Hashes not enrolled yet (the caller leaves out the known ones)."""
        ...

    def link_user(self, user_id: int, org_id: str) -> None:
        """The user now belongs to this organisation (and no other)."""
        ...

    def org_of_user(self, user_id: int) -> str | None: ...

    def add_alert(
        self,
        fingerprint: str,
        account_id: str,
        kind: str,
        message: str,
        advice: str,
        created_at: datetime,
    ) -> bool:
        """False when an alert with this fingerprint is already stored."""
        ...

    def alerts_of(self, account_id: str) -> list[StoredAlert]:
        """Newest first."""
        ...

    def acknowledge(self, alert_id: int) -> bool:
        """False when there is no such alert."""
        ...

    def add_triage(
        self, reported: str, reason: str, text: str, verified_reporter: str | None, keep: int
    ) -> None:
        """An unverified report; only the newest ``keep`` are kept."""
        ...

    def triage_count(self, reported: str | None = None) -> int: ...

    def triage_items(self, reported: str | None = None, limit: int = 100) -> list[TriageItem]:
        """Newest first."""
        ...


class LiveDecisions(Protocol):
    """Decisions of the live path, one per event key."""

    def add_new(self, rows: Sequence[LiveRecord]) -> set[str]:
        """Insert the rows whose event key is new; returns those keys."""
        ...

    def set_outcome(self, event_key: str, outcome: str, at: datetime) -> None:
        """Record what became of the event, unless an outcome is already recorded."""
        ...

    def get(self, event_key: str) -> LiveRecord | None: ...

    def listing(
        self,
        *,
        kind: str | None = None,
        decision: str | None = None,
        subject: str | None = None,
        overturned: bool | None = None,
        before_id: int | None = None,
        limit: int = 100,
    ) -> tuple[list[LiveRecord], int]:
        """Newest first (ids below ``before_id``), and how many match in all."""
        ...

    def open_permissive(self, decisions: Sequence[str]) -> list[tuple[int, str]]:
        """(id, subject) of decisions of these kinds not yet overturned."""
        ...

    def overturn(self, decision_id: int, scan_id: int, route: str, risk: float) -> None: ...


class Intel(Protocol):
    """STIX context objects by id, and TAXII resume points (indicators are ``Records``)."""

    def context_modified(self, stix_ids: Sequence[str]) -> dict[str, str | None]:
        """The stored ``modified`` of each id that is stored."""
        ...

    def put_context(self, objects: Sequence[ContextObject], now: datetime) -> None:
        """Store each object under its id, replacing what was there."""
        ...

    def context_of_types(self, types: Sequence[str]) -> list[ContextObject]:
        """By id."""
        ...

    def cursor(self, feed: str) -> FeedCursor | None: ...

    def set_cursor(self, feed: str, added_after: str | None, objects: int, now: datetime) -> None:
        """Move the feed's resume point (kept when ``added_after`` is None) and add ``objects``."""
        ...


class Ingest(Protocol):
    """Files being ingested (resumable by checkpoint), their quarantined rows, and the bulk
    record insert of the ingest hot path."""

    @property
    def sqlite_rows(self) -> bool:
        """Whether ``add_prepared`` takes ``prepare_row(..., sqlite=True)`` tuples (else the
        mappings of ``prepare_row(..., sqlite=False)``)."""
        ...

    def add_prepared(self, kind: str, rows: Sequence[Any]) -> None:
        """Insert new records prepared by ``unmask.store.store.prepare_row``."""
        ...

    def file(self, file_id: str) -> IngestFile | None: ...

    def start_file(self, file_id: str, path: str, kind: str | None) -> None: ...

    def checkpoint(
        self, file_id: str, lines_done: int, accepted: int, present: int, quarantined: int
    ) -> None:
        """The last line done, and counts to add."""
        ...

    def finish_file(self, file_id: str) -> None: ...

    def quarantine(self, rows: Sequence[Quarantined]) -> None: ...

    def quarantined(self, file_id: str) -> list[Quarantined]:
        """By line, then field."""
        ...


class UnitOfWork(Protocol):
    """One transaction over every concern."""

    @property
    def records(self) -> Records: ...

    @property
    def scans(self) -> Scans: ...

    @property
    def cases(self) -> Cases: ...

    @property
    def enforcement(self) -> Enforcement: ...

    @property
    def audit(self) -> Audit: ...

    @property
    def users(self) -> Users: ...

    @property
    def members(self) -> Members: ...

    @property
    def live(self) -> LiveDecisions: ...

    @property
    def intel(self) -> Intel: ...

    @property
    def ingest(self) -> Ingest: ...


class DataStore(Protocol):
    """What the stages and surfaces need of a store."""

    def unit_of_work(self) -> AbstractContextManager[UnitOfWork]: ...
