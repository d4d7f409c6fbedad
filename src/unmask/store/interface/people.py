"""Store protocols for people and feeds: console users, members and organisations, live
decisions, intelligence exchange state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from unmask.model.intel import ContextObject, FeedCursor
from unmask.model.live import LiveRecord
from unmask.model.members import StoredAlert, TriageItem
from unmask.model.users import Session, StoredUser


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
