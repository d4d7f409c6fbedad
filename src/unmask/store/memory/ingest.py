"""Ingest bookkeeping and the bulk record insert in memory."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from unmask.model.ingest import IngestFile, Quarantined
from unmask.model.records import RECORD_TYPES
from unmask.model.schema import columns
from unmask.store.memory.state import State


class MemoryIngest:
    def __init__(self, state: State) -> None:
        self.state = state

    @property
    def sqlite_rows(self) -> bool:
        return False

    def add_prepared(self, kind: str, rows: Sequence[Any]) -> None:
        """Mappings from ``prepare_row(..., sqlite=False)``: the record's fields as stored."""
        model, fields = RECORD_TYPES[kind], columns(RECORD_TYPES[kind])
        table = self.state.records.setdefault(kind, {})
        added = self.state.added.setdefault(kind, {})
        for row in rows:
            record = model.model_validate({f: row[f] for f in fields if row[f] is not None})
            table[str(row["key"])] = (record, str(row["content_hash"]))
            added[str(row["key"])] = row["ingested_at"]

    def file(self, file_id: str) -> IngestFile | None:
        return self.state.files.get(file_id)

    def start_file(self, file_id: str, path: str, kind: str | None) -> None:
        self.state.files[file_id] = IngestFile(file_id, path, kind, "running")

    def checkpoint(
        self, file_id: str, lines_done: int, accepted: int, present: int, quarantined: int
    ) -> None:
        f = self.state.files[file_id]
        self.state.files[file_id] = dataclasses.replace(
            f,
            lines_done=lines_done,
            accepted=f.accepted + accepted,
            present=f.present + present,
            quarantined=f.quarantined + quarantined,
        )

    def finish_file(self, file_id: str) -> None:
        self.state.files[file_id] = dataclasses.replace(self.state.files[file_id], status="done")

    def quarantine(self, rows: Sequence[Quarantined]) -> None:
        self.state.quarantine.extend(rows)

    def quarantined(self, file_id: str) -> list[Quarantined]:
        found = [q for q in self.state.quarantine if q.file_id == file_id]
        return sorted(found, key=lambda q: (q.line, q.field or ""))
