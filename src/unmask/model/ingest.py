"""Ingest bookkeeping as stored: each file's progress, and the rows it quarantined."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestFile:
    file_id: str  # SHA-256 of the content
    path: str
    kind: str | None
    status: str  # running | done
    lines_done: int = 0
    accepted: int = 0
    quarantined: int = 0
    present: int = 0


@dataclass(frozen=True)
class Quarantined:
    file_id: str
    path: str
    line: int
    record_type: str | None
    field: str | None
    error: str
    raw: str | None
