"""Cases, decisions, appeals, enforcement, the outbox and the audit chain."""

from __future__ import annotations

from typing import Any

import pytest

from unmask.model.audit import verify_chain
from unmask.model.review import Filters
from unmask.store.interface import DataStore, UnitOfWork


def _open(uow: UnitOfWork, subject: str, **more: Any) -> int:
    values: dict[str, Any] = {
        "subject": subject,
        "source": "scan",
        "scan_id": 1,
        "risk": 0.8,
        "priority": 0.5,
        "route": "review",
        "status": "open",
        "policy_version": "p7",
    }
    return uow.cases.open(**(values | more))


def test_cases_filters_sorts_and_generations(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        a = _open(uow, "acct-a", priority=0.9, campaign="cmp-1", exposure=0.4)
        b = _open(uow, "acct-b", priority=0.2, risk=0.95, campaign="cmp-1")
        c = _open(uow, "acct-c", status="closed", outcome="cleared")
        c2 = _open(uow, "acct-c", generation=2, priority=0.7)
        with pytest.raises(ValueError, match="not fields"):
            uow.cases.open(subject="x", colour="red")
    with ds.unit_of_work() as uow:
        queue, total = uow.cases.search(Filters(status="queue"))
        assert [x.id for x in queue] == [a, c2, b] and total == 3
        assert [x.id for x in uow.cases.search(Filters(sort="risk"))[0]][:1] == [b]
        assert uow.cases.search(Filters(search="c", status="closed"))[0][0].id == c
        assert uow.cases.search(Filters(min_risk=0.9))[1] == 1
        page, total = uow.cases.search(Filters(limit=2, offset=1))
        assert len(page) == 2 and total == 4
        assert [x.id for x in uow.cases.of_campaign("cmp-1")] == [a, b]
        latest = uow.cases.latest_for(["acct-c", "acct-a", "nobody"])
        assert latest["acct-c"].id == c2 and set(latest) == {"acct-a", "acct-c"}
        got = uow.cases.get(a)
        assert got is not None and got.exposure == 0.4 and got.opened_at.tzinfo is not None
        uow.cases.update(a, status="closed", outcome="removed")
        with pytest.raises(ValueError, match="not fields"):
            uow.cases.update(a, colour="red")
    with ds.unit_of_work() as uow:
        closed = uow.cases.get(a)
        assert closed is not None and (closed.status, closed.outcome) == ("closed", "removed")
        assert closed.updated_at >= closed.opened_at
        assert uow.cases.get(9999) is None


def test_decisions_resolve_once_and_appeals(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        case = _open(uow, "acct-a")
        d1 = uow.cases.add_decision(
            case, "remove", "account", "stock photo", "lena", "pending", "p7"
        )
    with ds.unit_of_work() as uow:
        pending = uow.cases.pending_decision(case)
        assert pending is not None and pending.id == d1 and pending.actor == "lena"
        assert uow.cases.resolve_decision(d1, "approved", "lars", "agree")
        assert not uow.cases.resolve_decision(d1, "rejected", "ada", "too late")
    with ds.unit_of_work() as uow:
        d = uow.cases.decision(d1)
        assert d is not None and (d.status, d.second_actor) == ("approved", "lars")
        assert d.resolved_at is not None and uow.cases.pending_decision(case) is None
        d2 = uow.cases.add_decision(case, "clear", "account", "ok", "ada", "applied", "p7")
        assert [x.id for x in uow.cases.decisions_of(case)] == [d1, d2]
        appeal = uow.cases.add_appeal(case, "it is really me", "svc")
        found = uow.cases.pending_appeal(case)
        assert found is not None and found.id == appeal and found.filed_by == "svc"
        uow.cases.resolve_appeal(appeal, "overturned")
        assert uow.cases.pending_appeal(case) is None
        (kept,) = uow.cases.appeals_of(case)
        assert kept.outcome == "overturned" and kept.resolved_at is not None


def test_enforcement_states_actions_and_outbox(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        assert uow.enforcement.state("acct-a") == "active"
        case = _open(uow, "acct-a")
        uow.enforcement.set_state("acct-a", "restricted", case)
        uow.enforcement.set_state("acct-a", "removed", case)
        uow.enforcement.record_action(
            case, 1, "sever", "acct-a", {"connections": [["a", "b"]]}, "x"
        )
        uow.enforcement.record_action(case, 1, "sever", "acct-a", {"connections": []}, "x")
        n1 = uow.enforcement.queue_notice(case, "m1", "acct-a", "webhook", "t", "body")
        uow.enforcement.queue_notice(case, "m2", "acct-a", "webhook", "t", "body")
    with ds.unit_of_work() as uow:
        assert uow.enforcement.state("acct-a") == "removed"
        last = uow.enforcement.last_action("acct-a", "sever")
        assert last is not None and last.detail == {"connections": []}
        first = uow.enforcement.actions_of(case)[0]
        assert first.detail == {"connections": [["a", "b"]]}
        assert uow.enforcement.last_action("acct-a", "remove") is None
        assert uow.enforcement.notified("acct-a") == {"m1", "m2"}
        assert [n.member for n in uow.enforcement.notices(status="queued")] == ["m1", "m2"]
        uow.enforcement.mark_notice(n1, "sent")
    with ds.unit_of_work() as uow:
        sent = uow.enforcement.notices(status="sent", about="acct-a")
        assert [n.id for n in sent] == [n1] and sent[0].sent_at is not None
        assert [n.member for n in uow.enforcement.notices(status="queued")] == ["m2"]


def test_audit_chain_appends_and_reads(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        for i in range(5):
            uow.audit.append(
                actor="ana",
                kind="decision.taken",
                reason=f"r{i}",
                policy_version="p7",
                case_id=i % 2,
                subject="acct-a",
                payload={"n": i, "t": (1, 2)},
            )
    with ds.unit_of_work() as uow:
        every = uow.audit.events()
        assert [e.event.seq for e in every] == [1, 2, 3, 4, 5]
        assert verify_chain(every).ok and every[1].prev_hash == every[0].hash
        assert every[4].event.payload == {"n": 4, "t": [1, 2]}
        assert [e.event.seq for e in uow.audit.events(after=1, case_id=0)] == [3, 5]
        assert [e.event.seq for e in uow.audit.events(after=2, limit=2)] == [3, 4]


def test_a_failed_unit_of_work_leaves_nothing(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        case = _open(uow, "acct-a")

    def half_done() -> None:
        with ds.unit_of_work() as uow:
            uow.cases.update(case, status="closed", outcome="removed")
            uow.enforcement.set_state("acct-a", "removed", case)
            uow.enforcement.record_action(case, None, "remove", "acct-a", {}, "lena")
            uow.enforcement.queue_notice(case, "m1", "acct-a", "webhook", "t", "b")
            uow.audit.append(actor="lena", kind="action.remove", reason="x", policy_version="p7")
            uow.scans.open("duckdb", "p7", [])
            raise RuntimeError("crash")

    with pytest.raises(RuntimeError, match="crash"):
        half_done()
    with ds.unit_of_work() as uow:
        again = uow.cases.get(case)
        assert again is not None and again.status == "open"
        assert uow.enforcement.state("acct-a") == "active"
        assert uow.enforcement.actions_of(case) == [] and uow.enforcement.notices() == []
        assert uow.audit.events() == [] and uow.scans.latest(finished=False) is None


def test_queue_summary_and_dashboard_reads(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        a = _open(uow, "acct-a", campaign="cmp-2")
        _open(uow, "acct-b", campaign="cmp-1")
        _open(uow, "acct-c", campaign="cmp-1", status="escalated")
        _open(uow, "acct-d", campaign="cmp-3", status="closed", outcome="removed")
        d1 = uow.cases.add_decision(a, "remove", "account", "x", "lena", "applied", "p7")
        uow.cases.add_decision(a, "clear", "account", "y", "lena", "pending", "p7")
        ap = uow.cases.add_appeal(a, "it is me", "svc")
        uow.cases.resolve_appeal(ap, "overturned")
        uow.enforcement.record_action(a, d1, "remove", "acct-a", {}, "lena")
        uow.enforcement.record_action(a, d1, "sever", "acct-a", {}, "lena")
    with ds.unit_of_work() as uow:
        s = uow.cases.summary()
        assert s.by_status == {"open": 2, "escalated": 1, "closed": 1}
        assert s.queued_campaigns == [("cmp-1", 2), ("cmp-2", 1)]
        assert len(s.queued_opened) == 3 and all(t.tzinfo for t in s.queued_opened)
        assert [d.id for d in uow.cases.decisions_with(("applied", "approved"))] == [d1]
        assert [x.id for x in uow.cases.appeals_with("overturned")] == [ap]
        assert [x.kind for x in uow.enforcement.actions_of_kind("remove")] == ["remove"]
