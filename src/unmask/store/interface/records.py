"""Store protocols for the data itself: records (with versions), scans and their results, and
ingest bookkeeping."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Protocol

from unmask.model.findings import Assessment, Finding
from unmask.model.ingest import IngestFile, Quarantined
from unmask.model.records import Connection, Invitation, RecordBase
from unmask.model.scans import Scan, ScanCampaign, Scored
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
