"""Ingest bookkeeping and the bulk record insert on SQLAlchemy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, update

from unmask.model.ingest import IngestFile, Quarantined
from unmask.store.schema import RECORD_TABLES, ingest_files, quarantine
from unmask.store.store import _sqlite_insert


class SqlIngest:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @property
    def sqlite_rows(self) -> bool:
        return self.conn.dialect.name == "sqlite"

    def add_prepared(self, kind: str, rows: Sequence[Any]) -> None:
        if not rows:
            return
        if self.sqlite_rows:  # the driver's executemany, in SQLite's storage formats
            self.conn.exec_driver_sql(_sqlite_insert(kind)[0], list(rows))
        else:
            self.conn.execute(RECORD_TABLES[kind].insert(), list(rows))

    def file(self, file_id: str) -> IngestFile | None:
        t = ingest_files
        row = self.conn.execute(select(t).where(t.c.file_id == file_id)).first()
        if row is None:
            return None
        return IngestFile(
            row.file_id,
            row.path,
            row.kind,
            row.status,
            int(row.lines_done),
            int(row.accepted),
            int(row.quarantined),
            int(row.present),
        )

    def start_file(self, file_id: str, path: str, kind: str | None) -> None:
        self.conn.execute(
            ingest_files.insert().values(
                file_id=file_id,
                path=path,
                kind=kind,
                status="running",
                lines_done=0,
                accepted=0,
                quarantined=0,
                present=0,
                started_at=datetime.now(UTC),
            )
        )

    def checkpoint(
        self, file_id: str, lines_done: int, accepted: int, present: int, quarantined: int
    ) -> None:
        t = ingest_files
        self.conn.execute(
            update(t)
            .where(t.c.file_id == file_id)
            .values(
                lines_done=lines_done,
                accepted=t.c.accepted + accepted,
                present=t.c.present + present,
                quarantined=t.c.quarantined + quarantined,
            )
        )

    def finish_file(self, file_id: str) -> None:
        t = ingest_files
        stmt = update(t).where(t.c.file_id == file_id)
        self.conn.execute(stmt.values(status="done", finished_at=datetime.now(UTC)))

    def quarantine(self, rows: Sequence[Quarantined]) -> None:
        if rows:
            now = datetime.now(UTC)
            self.conn.execute(quarantine.insert(), [asdict(r) | {"created_at": now} for r in rows])

    def quarantined(self, file_id: str) -> list[Quarantined]:
        q = quarantine
        stmt = select(q).where(q.c.file_id == file_id).order_by(q.c.line, q.c.field)
        return [
            Quarantined(r.file_id, r.path, int(r.line), r.record_type, r.field, r.error, r.raw)
            for r in self.conn.execute(stmt)
        ]
