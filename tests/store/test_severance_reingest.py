"""Severance is enforcement state beside the records: removing an account rewrites none of its
connections or invitations, readers apply it, and re-ingesting the original export afterwards
adds nothing (SQLite and PostgreSQL). Reinstating lifts it."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tests.console import world

from unmask.actions import MemoryChannel, StoreExecutor
from unmask.actions.enforce import Effects
from unmask.auth import User
from unmask.cases.service import Desk, decide, file_appeal
from unmask.cases.sync import sync_cases
from unmask.engine.scan import evaluate_snapshot, select_detectors
from unmask.hooks import load_plugins
from unmask.ingest import ingest
from unmask.model import Snapshot
from unmask.model.records import Invitation
from unmask.model.review import Filters
from unmask.scoring import load_policy
from unmask.store import Store


def _export(folder: Path) -> Path:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for record in world.build():
        by_kind[record.record_type].append(record.model_dump_json(exclude_none=True))
    folder.mkdir(parents=True)
    for kind, lines in by_kind.items():
        (folder / f"{kind}s.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_original_export_after_enforcement_adds_nothing(store: Store, tmp_path: Path) -> None:
    export = _export(tmp_path / "export")
    assert not any(f.quarantined for f in ingest(store, [export]).files)
    policy = load_policy()
    detectors = select_detectors(
        load_plugins().detectors, ["sparse_profile", "shared_photo"], policy
    )
    assessed, _ = evaluate_snapshot(Snapshot.from_records(world.build()), detectors, policy)
    with store.unit_of_work() as uow:
        scan_id = uow.scans.open("python", policy.version, [d.name for d in detectors])
        uow.scans.write(scan_id, assessed, [])
    desk = Desk(store, policy, Effects(StoreExecutor(store), MemoryChannel()))
    sync_cases(desk)
    with store.unit_of_work() as uow:
        queue, _ = uow.cases.search(Filters(status="queue"))
        case = next(c for c in queue if c.subject == "fa3")
        links = uow.records.connection_count("fa3")
        pending = uow.records.pending_invitations_of("fa3")
        stored = {k: uow.records.count(k) for k in ("connection", "invitation")}
    assert links > 0 and pending
    decide(desk, case.id, User(1, "lena", "lead"), "remove", "front firm persona", "account")
    with store.unit_of_work() as uow:
        assert uow.records.connection_count("fa3") == 0
        assert uow.records.pending_invitations_of("fa3") == []
        assert uow.records.severed() == {"fa3"}
        # the records themselves are as exported
        assert {k: uow.records.count(k) for k in stored} == stored
        inv = uow.records.get("invitation", pending[0].id)
        assert isinstance(inv, Invitation) and inv.status.value == "pending"
    snap = store.snapshot()
    assert not [c for c in snap.connections if "fa3" in (c.source, c.target)]
    assert {i.status.value for i in snap.invitations if i.id == pending[0].id} == {"withdrawn"}
    # a copy of the original export (another file, so it is not skipped as already ingested)
    again = ingest(store, [_export(tmp_path / "copy")])
    assert sum(f.accepted + f.updated + f.quarantined for f in again.files) == 0
    rows = sum(len(p.read_text().splitlines()) for p in (tmp_path / "copy").iterdir())
    assert sum(f.present for f in again.files) == rows
    with store.unit_of_work() as uow:
        assert uow.records.connection_count("fa3") == 0  # the re-ingest did not undo it
    file_appeal(desk, case.id, User(2, "svc", "service"), "This is my real account")
    decide(desk, case.id, User(3, "lars", "lead"), "clear", "verified by phone call", "account")
    with store.unit_of_work() as uow:
        assert uow.records.severed() == frozenset()
        assert uow.records.connection_count("fa3") == links
        assert [i.id for i in uow.records.pending_invitations_of("fa3")] == [i.id for i in pending]
