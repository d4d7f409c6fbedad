"""The in-memory store is a real twin: the whole review flow (queue sync, a removal with its
severing, outbox and indicators, an appeal that reinstates) runs on it as on SQL."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.console import world

from unmask.actions import MemoryChannel, StoreExecutor
from unmask.actions.enforce import Effects
from unmask.audit import verify
from unmask.auth import User
from unmask.cases.metrics import dashboard
from unmask.cases.service import Desk, decide, file_appeal
from unmask.cases.sync import sync_cases
from unmask.engine.scan import evaluate_snapshot, select_detectors
from unmask.hooks import load_plugins
from unmask.ingest.validate import content_hash
from unmask.model import Snapshot
from unmask.model.review import Filters
from unmask.scoring import load_policy
from unmask.store.memory import MemoryStore


def test_review_flow_on_the_memory_store() -> None:
    store, policy = MemoryStore(), load_policy()
    records = world.build()
    with store.unit_of_work() as uow:
        uow.records.add_new([(r, content_hash(r)) for r in records], datetime.now(UTC))
    registry = load_plugins().detectors
    detectors = select_detectors(registry, ["sparse_profile", "shared_photo"], policy)
    assessed, _ = evaluate_snapshot(Snapshot.from_records(records), detectors, policy)
    with store.unit_of_work() as uow:
        scan_id = uow.scans.open("memory", policy.version, [d.name for d in detectors])
        uow.scans.write(scan_id, assessed, [])
    channel = MemoryChannel()
    desk = Desk(store, policy, Effects(StoreExecutor(store), channel))
    assert sync_cases(desk).opened == 5
    with store.unit_of_work() as uow:
        queue, _ = uow.cases.search(Filters(status="queue"))
        fa3 = next(c for c in queue if c.subject == "fa3")
        links = uow.records.connection_count("fa3")
    lena, svc = User(1, "lena", "lead"), User(2, "svc", "service")
    assert decide(desk, fa3.id, lena, "remove", "front firm persona", "account").status == "applied"
    with store.unit_of_work() as uow:
        closed = uow.cases.get(fa3.id)
        assert closed is not None and (closed.status, closed.outcome) == ("closed", "removed")
        assert uow.records.connection_count("fa3") == 0 < links
        assert uow.enforcement.state("fa3") == "removed"
        notices = uow.enforcement.notices(about="fa3")
        assert notices and {n.status for n in notices} == {"sent"}
        assert uow.records.get("label", "fa3|reviewer") is not None
        assert uow.records.count("indicator") > 0
    assert sorted(n.member for n in channel.sent) == sorted(n.member for n in notices)
    file_appeal(desk, fa3.id, svc, "This is my real account, I am a recruiter")
    decide(desk, fa3.id, User(3, "lars", "lead"), "clear", "verified by phone call", "account")
    with store.unit_of_work() as uow:
        assert uow.records.connection_count("fa3") == links  # restored
        assert uow.enforcement.state("fa3") == "active"
    board = dashboard(store)
    assert verify(store).ok and (board.removals, board.overturned) == (1, 1)
