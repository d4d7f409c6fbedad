"""Organisations, enrolled staff, security-team users and member alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from unmask.store.interface import ConflictError, DataStore

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def test_orgs_staff_and_team(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        uow.members.add_org("acme", "Acme Defence")
        with pytest.raises(ConflictError, match="already exists"):
            uow.members.add_org("acme", "Acme again")
        uow.members.add_org("gov", "Ministry")
        uow.members.add_staff("acme", ["h1", "h2"])
        uow.members.add_staff("acme", [])
        uid = uow.users.add("sec", "partner", "$argon2id$x")
        uow.members.link_user(uid, "acme")
        uow.members.link_user(uid, "gov")
    with ds.unit_of_work() as uow:
        assert uow.members.org_name("acme") == "Acme Defence"
        assert uow.members.org_name("nope") is None
        assert uow.members.staff("acme") == {"h1", "h2"} and uow.members.staff("gov") == set()
        assert uow.members.org_of_user(uid) == "gov" and uow.members.org_of_user(999) is None


def test_alerts_once_newest_first_acknowledged(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        assert uow.members.add_alert("f1", "m1", "new_device", "a", "do x", T0)
        assert not uow.members.add_alert("f1", "m1", "new_device", "a", "do x", T0)
        assert uow.members.add_alert("f2", "m1", "new_country", "b", "do y", T0 + timedelta(1))
        uow.members.add_alert("f3", "m2", "new_country", "c", "do z", T0)
    with ds.unit_of_work() as uow:
        got = uow.members.alerts_of("m1")
        assert [a.message for a in got] == ["b", "a"] and not got[0].acknowledged
        assert got[0].created_at == T0 + timedelta(1)
        assert uow.members.acknowledge(got[1].id) and not uow.members.acknowledge(9999)
    with ds.unit_of_work() as uow:
        assert [a.acknowledged for a in uow.members.alerts_of("m1")] == [False, True]


def test_triage_newest_first_and_bounded(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        for i in range(5):
            uow.members.add_triage(f"acct-{i % 2}", "fake_profile", f"text {i}", None, keep=3)
        uow.members.add_triage("acct-1", "scam", "signed", "member-9", keep=3)
    with ds.unit_of_work() as uow:
        assert uow.members.triage_count() == 3 and uow.members.triage_count("acct-1") == 2
        items = uow.members.triage_items(limit=2)
        assert [i.text for i in items] == ["signed", "text 4"]
        assert items[0].verified_reporter == "member-9" and items[0].received_at.tzinfo
        assert [i.text for i in uow.members.triage_items("acct-0")] == ["text 4"]
