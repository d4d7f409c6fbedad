"""Ingest interchange files into the store: validated, quarantined, idempotent and resumable.

Each file is identified by the SHA-256 of its content. Rows are processed in batches; each batch's
new records, its quarantined rows and the file's checkpoint (last line done) are committed in one
transaction, so a run killed at any point resumes from the last committed batch with nothing lost
and nothing doubled. Records whose key is already stored with the same content count as "present".
For versioned types (accounts, organisations, labels: ``unmask.model.versions``) other content
under a stored key is a new version ("updated"; ``unmask.ingest.versions``); for the other types
(events such as connections and messages) it is quarantined as a conflicting duplicate.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from unmask.formats import SUPPORTED_SUFFIXES, FormatError, kind_for_path
from unmask.ingest.pipeline import parallel_batches
from unmask.ingest.prepare import BadRow, Prepared, prepared_batches
from unmask.ingest.versions import sort_versions
from unmask.model.ingest import Quarantined
from unmask.model.versions import VERSIONED
from unmask.store import Store
from unmask.store.interface import UnitOfWork

Progress = Callable[[Path, int], None]

#: Files at least this large are prepared in a worker process while this one writes.
PARALLEL_BYTES = 4 << 20


@dataclass
class FileSummary:
    path: Path
    kind: str | None
    accepted: int = 0
    updated: int = 0  # a new version of a stored key (``unmask.model.versions``)
    quarantined: int = 0
    present: int = 0
    resumed_from: int = 0
    skipped: bool = False
    error: str | None = None
    problems: list[tuple[int, str | None, str]] = field(default_factory=list)


@dataclass
class IngestSummary:
    files: list[FileSummary] = field(default_factory=list)

    def total(self, attr: str) -> int:
        return sum(int(getattr(f, attr)) for f in self.files)


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders expanded to their interchange files (sorted, recursive)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and _supported(p)))
        else:
            found.append(path)
    return found


def _supported(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return any(name.endswith(s) for s in SUPPORTED_SUFFIXES)


def file_id(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def count_rows(path: Path) -> int | None:
    """A cheap row count for progress bars (None when unknown)."""
    name = path.name.lower()
    try:
        if name.endswith(".parquet"):
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        if name.endswith((".jsonl", ".ndjson", ".csv")):
            with path.open("rb") as fh:
                return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
    except Exception:  # a progress estimate must never stop an ingest
        return None
    return None


class _FileIngest:
    def __init__(
        self, store: Store, path: Path, fid: str, summary: FileSummary, observed: datetime | None
    ) -> None:
        self.store, self.path, self.fid, self.summary = store, path, fid, summary
        self.observed = observed

    def process(self, uow: UnitOfWork, batch: Prepared) -> None:
        bad = list(batch.bad)
        accepted = present = updated = 0
        now = datetime.now(UTC)
        for kind, items in batch.items.items():
            if kind in VERSIONED:
                done = sort_versions(uow, kind, items, now, self.observed)
                uow.ingest.add_prepared(kind, done.new_rows)
                for record, digest in {r.key(): (r, d) for r, d in done.current}.values():
                    uow.records.replace(record, digest, now)
                uow.records.add_versions(done.versions, now)
                accepted += len(done.new_rows)
                updated += done.updated
                present += done.present
                continue
            known = uow.records.hashes(kind, [i.key for i in items])
            new_rows: list[Any] = []
            for item in items:
                seen = known.get(item.key)
                if seen is None:
                    known[item.key] = item.digest
                    new_rows.append(item.row)
                elif seen == item.digest:
                    present += 1
                else:
                    message = (
                        f"duplicate key {item.key!r} with different content from the stored record"
                    )
                    bad.append(BadRow(item.line, "id", message, item.canonical.decode()[:10_000]))
            uow.ingest.add_prepared(kind, new_rows)
            accepted += len(new_rows)
        bad_lines = {b.line for b in bad}
        uow.ingest.quarantine([self._bad(b) for b in bad])
        self.summary.accepted += accepted
        self.summary.updated += updated
        self.summary.present += present
        self.summary.quarantined += len(bad_lines)
        room = max(0, 1000 - len(self.summary.problems))
        self.summary.problems.extend((b.line, b.field, b.error) for b in bad[:room])
        # the file's stored count of accepted rows includes its new versions
        uow.ingest.checkpoint(
            self.fid, batch.last_line, accepted + updated, present, len(bad_lines)
        )

    def _bad(self, bad: BadRow) -> Quarantined:
        return Quarantined(
            self.fid, str(self.path), bad.line, self.summary.kind, bad.field, bad.error, bad.raw
        )


def ingest_file(
    store: Store,
    path: Path,
    progress: Progress | None = None,
    batch_size: int = 5_000,
    observed: datetime | None = None,
) -> FileSummary:
    """``observed``: when the export was taken, for records without a time of their own
    (default: the time each batch is written)."""
    summary = FileSummary(path=path, kind=kind_for_path(path))
    try:
        fid = file_id(path)
    except OSError as exc:
        summary.error = f"{path}: unreadable: {exc.strerror or exc}"
        return summary
    with store.unit_of_work() as uow:
        state = uow.ingest.file(fid)
        sqlite = uow.ingest.sqlite_rows
        if state is None:
            uow.ingest.start_file(fid, str(path), summary.kind)
            start = 0
        elif state.status == "done":
            summary.skipped = True
            summary.present = state.accepted + state.present
            return summary
        else:
            start = state.lines_done
            summary.resumed_from = start
    worker = _FileIngest(store, path, fid, summary, observed)
    try:
        big = path.stat().st_size >= PARALLEL_BYTES
        source = parallel_batches if big and os.name == "posix" else prepared_batches
        for batch in source(path, start, summary.kind, sqlite, batch_size):
            with store.unit_of_work() as uow:
                worker.process(uow, batch)
            if progress:
                progress(path, batch.last_line)
    except FormatError as exc:
        summary.error = str(exc)
        return summary
    with store.unit_of_work() as uow:
        uow.ingest.finish_file(fid)
    write_quarantine_file(store, fid, path)
    return summary


def write_quarantine_file(store: Store, fid: str, path: Path) -> Path | None:
    """Write the quarantined rows of one file to $UNMASK_DATA_DIR/quarantine/ as JSONL."""
    with store.unit_of_work() as uow:
        rows = uow.ingest.quarantined(fid)
    if not rows:
        return None
    out_dir = store.settings.quarantine_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{path.name}.{fid[:12]}.jsonl"
    with out.open("wb") as fh:
        for r in rows:
            fh.write(
                orjson.dumps(
                    {
                        "file": r.path,
                        "line": r.line,
                        "field": r.field or None,
                        "error": r.error,
                        "raw": r.raw,
                    }
                )
                + b"\n"
            )
    return out


def ingest(
    store: Store,
    paths: Iterable[Path],
    progress: Progress | None = None,
    on_file: Callable[[Path, int | None], None] | None = None,
    observed: datetime | None = None,
) -> IngestSummary:
    summary = IngestSummary()
    for path in discover(paths):
        if on_file:
            on_file(path, count_rows(path) if path.is_file() else None)
        summary.files.append(ingest_file(store, path, progress, observed=observed))
    return summary
