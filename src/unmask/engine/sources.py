"""A Snapshot from a folder of interchange files, for the detectors that run in process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from unmask.formats.io import SUPPORTED_SUFFIXES, kind_for_path, read_rows
from unmask.model import Snapshot
from unmask.model.records import RECORD_TYPES, RecordBase


def _records(folder: Path) -> Iterator[RecordBase]:
    for path in sorted(folder.iterdir()):
        kind = kind_for_path(path) if path.suffix in SUPPORTED_SUFFIXES else None
        if kind is None:
            continue
        model = RECORD_TYPES[kind]
        for row in read_rows(path):
            if row.data is not None:
                yield model.model_validate(row.data)


def snapshot_from_dir(folder: Path) -> Snapshot:
    """Every record of a snapshot folder (invalid rows raise: ingest quarantines, scan does not)."""
    return Snapshot.from_records(_records(folder))  # type: ignore[arg-type]
