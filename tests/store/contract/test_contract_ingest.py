"""Ingest bookkeeping: a file's checkpoint and counts, its quarantined rows, the bulk insert."""

from __future__ import annotations

from datetime import UTC, datetime

from unmask.ingest.validate import content_hash
from unmask.model import Account
from unmask.model.ingest import Quarantined
from unmask.store.interface import DataStore
from unmask.store.store import prepare_row, sqlite_stamp

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def test_files_checkpoints_quarantine_and_prepared_rows(ds: DataStore) -> None:
    people = [Account(id=f"a{i}", name=f"Person {i}", created_at=NOW) for i in range(3)]
    with ds.unit_of_work() as uow:
        assert uow.ingest.file("f1") is None
        uow.ingest.start_file("f1", "accounts.jsonl", "account")
        sqlite = uow.ingest.sqlite_rows
        stamp = sqlite_stamp(NOW) if sqlite else NOW
        rows = [prepare_row(a, content_hash(a), stamp, sqlite) for a in people]
        uow.ingest.add_prepared("account", rows)
        bad = Quarantined("f1", "accounts.jsonl", 7, "account", "name", "too short", '{"id": 1}')
        uow.ingest.quarantine([bad, Quarantined("f1", "accounts.jsonl", 2, None, None, "x", None)])
        uow.ingest.checkpoint("f1", 10, 3, 0, 2)
        uow.ingest.checkpoint("f1", 12, 1, 4, 0)
    with ds.unit_of_work() as uow:
        f = uow.ingest.file("f1")
        assert f is not None and f.status == "running"
        assert (f.lines_done, f.accepted, f.present, f.quarantined) == (12, 4, 4, 2)
        assert [q.line for q in uow.ingest.quarantined("f1")] == [2, 7]
        assert uow.ingest.quarantined("f1")[1] == bad and uow.ingest.quarantined("f2") == []
        assert uow.records.get("account", "a1") == people[1]
        assert uow.records.hashes("account", ["a2"]) == {"a2": content_hash(people[2])}
        uow.ingest.finish_file("f1")
    with ds.unit_of_work() as uow:
        done = uow.ingest.file("f1")
        assert done is not None and done.status == "done"
