"""Cases from a scan, decisions with four eyes, appeals, labels and the audit chain."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.console.conftest import who

from unmask.audit import verify
from unmask.cases.machine import TransitionError
from unmask.cases.repo import Filters
from unmask.cases.service import Desk, decide, file_appeal, review_second
from unmask.cases.sync import sync_cases
from unmask.store.review_schema import enforcement, notifications


def _queue(desk: Desk) -> list:  # type: ignore[type-arg]
    with desk.store.unit_of_work() as uow:
        return uow.cases.search(Filters(status="queue"))[0]


def test_sync_makes_cases_once_with_campaigns(desk: Desk) -> None:
    cases = _queue(desk)
    subjects = [c.subject for c in cases]
    assert set(subjects) == {"fa1", "fa2", "fa3", "fb1", "fb2"}
    assert subjects[0] == "fa1"  # the riskiest reach into defence and government, and reports
    by = {c.subject: c for c in cases}
    assert by["fa1"].campaign == by["fa2"].campaign == by["fa3"].campaign
    assert by["fb1"].campaign == by["fb2"].campaign
    # one campaign id everywhere: the key the engine stored for the scan (it links campaign B
    # to A by the shared invitation template and co-targeting)
    with desk.store.unit_of_work() as uow:
        scan = uow.scans.latest()
        assert scan is not None
        stored = {m: c.key for c in uow.scans.campaigns(scan.id) for m in c.members}
    assert stored and all(by[s].campaign == stored[s] for s in by if s in stored)
    assert by["fa1"].exposure > 0.95 and by["fa1"].report_score > 0
    again = sync_cases(desk)
    assert again.opened == 0 and again.updated == 5
    assert len(_queue(desk)) == 5
    assert verify(desk.store).ok


def test_remove_with_four_eyes_severs_notifies_and_labels(desk: Desk) -> None:
    top = _queue(desk)[0]
    alice, lena = who(desk.store, "alice"), who(desk.store, "lena")
    out = decide(desk, top.id, lena, "remove", "Stock photo and front firm", "account")
    assert out.status == "pending" and "55 connections" in out.message
    with pytest.raises(TransitionError, match="someone else"):
        review_second(desk, top.id, out.decision_id, lena, True, "")
    with pytest.raises(TransitionError, match="lead or an admin"):
        review_second(desk, top.id, out.decision_id, alice, True, "")
    done = review_second(desk, top.id, out.decision_id, who(desk.store, "lars"), True, "agree")
    assert done.status == "applied"
    with desk.store.unit_of_work() as uow:  # severance is state the readers apply
        left = uow.records.connections_of("fa1")
    with desk.store.connect() as conn:
        state = conn.execute(select(enforcement.c.state).where(enforcement.c.account_id == "fa1"))
        notified = set(conn.execute(select(notifications.c.member)).scalars())
    assert left == [] and state.scalar() == "removed"
    assert len(notified) == 60  # every member Sarah Lin sent an invitation or a message
    labels = {
        (lb.account_id, lb.source, lb.label.value) for lb in desk.store.snapshot(["label"]).labels
    }
    assert ("fa1", "reviewer", "fake") in labels
    assert verify(desk.store).ok


def test_auditor_and_roles_cannot_decide(desk: Desk) -> None:
    top = _queue(desk)[0]
    with pytest.raises(TransitionError) as err:
        decide(desk, top.id, who(desk.store, "aud"), "clear", "looks fine to me", "account")
    assert err.value.code == 403
    with pytest.raises(TransitionError, match="reason"):
        decide(desk, top.id, who(desk.store, "alice"), "clear", "", "account")


def test_campaign_action_needs_second_and_covers_members(desk: Desk) -> None:
    fb1 = next(c for c in _queue(desk) if c.subject == "fb1")
    out = decide(
        desk, fb1.id, who(desk.store, "lena"), "restrict", "same photo, same front", "campaign"
    )
    assert out.status == "pending"
    done = review_second(desk, fb1.id, out.decision_id, who(desk.store, "lars"), True, "ok")
    with desk.store.unit_of_work() as uow:
        campaign = {c.subject for c in uow.cases.of_campaign(fb1.campaign or "")}
    assert len(done.cases) == len(campaign) >= 2
    assert not {c.subject for c in _queue(desk)} & campaign


def test_appeal_reopens_and_overturn_reinstates(desk: Desk) -> None:
    fa3 = next(c for c in _queue(desk) if c.subject == "fa3")
    lena = who(desk.store, "lena")
    assert decide(desk, fa3.id, lena, "remove", "front firm persona", "account").status == "applied"
    file_appeal(desk, fa3.id, who(desk.store, "svc"), "This is my real account, I am a recruiter")
    assert any(c.id == fa3.id and c.status == "appealed" for c in _queue(desk))
    decide(desk, fa3.id, who(desk.store, "lars"), "clear", "verified by phone call", "account")
    with desk.store.unit_of_work() as uow:
        back = [c for c in uow.records.connections_of("fa3") if c.source == "fa3"]
    assert len(back) == 2  # the severed connections are restored
    labels = {
        lb.account_id: lb.label.value
        for lb in desk.store.snapshot(["label"]).labels
        if lb.source == "reviewer"
    }
    assert labels["fa3"] == "genuine"
    assert verify(desk.store).ok
