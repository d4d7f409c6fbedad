"""Ingest interchange files into the store: validated, quarantined, idempotent and resumable.

Each file is identified by the SHA-256 of its content. Rows are processed in batches; each batch's
new records, its quarantined rows and the file's checkpoint (last line done) are committed in one
transaction, so a run killed at any point resumes from the last committed batch with nothing lost
and nothing doubled. Records whose key is already stored with the same content count as "present";
the same key with different content is quarantined as a conflicting duplicate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, select, update

from unmask.formats import SUPPORTED_SUFFIXES, FormatError, RawRow, kind_for_path, read_rows
from unmask.ingest.validate import validate_row
from unmask.model.records import RecordBase
from unmask.store import Store
from unmask.store.schema import ingest_files, quarantine

Progress = Callable[[Path, int], None]


@dataclass
class FileSummary:
    path: Path
    kind: str | None
    accepted: int = 0
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


def _batches(rows: Iterator[RawRow], size: int) -> Iterator[list[RawRow]]:
    batch: list[RawRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _FileIngest:
    def __init__(self, store: Store, path: Path, fid: str, summary: FileSummary) -> None:
        self.store, self.path, self.fid, self.summary = store, path, fid, summary

    def _raw(self, row: RawRow) -> str:
        if row.text is not None:
            return row.text[:10_000]
        return orjson.dumps(row.data, default=str).decode()[:10_000]

    def process(self, conn: Connection, batch: Sequence[RawRow]) -> None:
        now = datetime.now(UTC)
        bad: list[dict[str, Any]] = []
        valid: dict[str, list[tuple[int, RecordBase, str]]] = {}
        for row in batch:
            if row.data is None:
                bad.append(self._bad(row, None, row.error or "unreadable row", now))
                continue
            record, problems = validate_row(dict(row.data), self.summary.kind)
            if record is None:
                bad.extend(self._bad(row, p.field, p.message, now) for p in problems)
                continue
            digest = hashlib.blake2b(record.model_dump_json().encode(), digest_size=16).hexdigest()
            valid.setdefault(record.record_type, []).append((row.line, record, digest))
        accepted = present = 0
        for kind, items in valid.items():
            known = self.store.existing_hashes(conn, kind, [r.key() for _, r, _ in items])
            new_rows: list[tuple[RecordBase, str]] = []
            for line, record, digest in items:
                key = record.key()
                seen = known.get(key)
                if seen is None:
                    known[key] = digest
                    new_rows.append((record, digest))
                elif seen == digest:
                    present += 1
                else:
                    raw = RawRow(
                        line, None, None, orjson.dumps(record.model_dump(mode="json")).decode()
                    )
                    bad.append(
                        self._bad(
                            raw,
                            "id",
                            f"duplicate key {key!r} with different content from the stored record",
                            now,
                        )
                    )
            self.store.insert_records(conn, kind, new_rows, now)
            accepted += len(new_rows)
        bad_lines = {b["line"] for b in bad}
        if bad:
            conn.execute(quarantine.insert(), bad)
        self.summary.accepted += accepted
        self.summary.present += present
        self.summary.quarantined += len(bad_lines)
        for b in bad[:1000]:
            self.summary.problems.append((b["line"], b["field"], b["error"]))
        conn.execute(
            update(ingest_files)
            .where(ingest_files.c.file_id == self.fid)
            .values(
                lines_done=batch[-1].line,
                accepted=ingest_files.c.accepted + accepted,
                present=ingest_files.c.present + present,
                quarantined=ingest_files.c.quarantined + len(bad_lines),
            )
        )

    def _bad(self, row: RawRow, field: str | None, error: str, now: datetime) -> dict[str, Any]:
        return {
            "file_id": self.fid,
            "path": str(self.path),
            "line": row.line,
            "record_type": self.summary.kind,
            "field": field or "",
            "error": error,
            "raw": self._raw(row),
            "created_at": now,
        }


def ingest_file(
    store: Store, path: Path, progress: Progress | None = None, batch_size: int = 5_000
) -> FileSummary:
    summary = FileSummary(path=path, kind=kind_for_path(path))
    try:
        fid = file_id(path)
    except OSError as exc:
        summary.error = f"{path}: unreadable: {exc.strerror or exc}"
        return summary
    with store.engine.begin() as conn:
        state = conn.execute(select(ingest_files).where(ingest_files.c.file_id == fid)).first()
        if state is None:
            conn.execute(
                ingest_files.insert().values(
                    file_id=fid,
                    path=str(path),
                    kind=summary.kind,
                    status="running",
                    lines_done=0,
                    accepted=0,
                    quarantined=0,
                    present=0,
                    started_at=datetime.now(UTC),
                )
            )
            start = 0
        elif state.status == "done":
            summary.skipped = True
            summary.present = int(state.accepted) + int(state.present)
            return summary
        else:
            start = int(state.lines_done)
            summary.resumed_from = start
    worker = _FileIngest(store, path, fid, summary)
    try:
        for batch in _batches(read_rows(path, start=start), batch_size):
            with store.engine.begin() as conn:
                worker.process(conn, batch)
            if progress:
                progress(path, batch[-1].line)
    except FormatError as exc:
        summary.error = str(exc)
        return summary
    with store.engine.begin() as conn:
        conn.execute(
            update(ingest_files)
            .where(ingest_files.c.file_id == fid)
            .values(status="done", finished_at=datetime.now(UTC))
        )
    write_quarantine_file(store, fid, path)
    return summary


def write_quarantine_file(store: Store, fid: str, path: Path) -> Path | None:
    """Write the quarantined rows of one file to $UNMASK_DATA_DIR/quarantine/ as JSONL."""
    with store.connect() as conn:
        rows = (
            conn.execute(
                select(quarantine)
                .where(quarantine.c.file_id == fid)
                .order_by(quarantine.c.line, quarantine.c.field)
            )
            .mappings()
            .all()
        )
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
                        "file": r["path"],
                        "line": r["line"],
                        "field": r["field"] or None,
                        "error": r["error"],
                        "raw": r["raw"],
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
) -> IngestSummary:
    summary = IngestSummary()
    for path in discover(paths):
        if on_file:
            on_file(path, count_rows(path) if path.is_file() else None)
        summary.files.append(ingest_file(store, path, progress))
    return summary
