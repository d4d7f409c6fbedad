"""Severance is read from the enforcement actions and applied by the record readers."""

from __future__ import annotations

from datetime import UTC, datetime

from unmask.model.records import Connection, Invitation
from unmask.store.interface import DataStore

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def test_readers_apply_severance_until_reinstated(ds: DataStore) -> None:
    links = [Connection(source="a", target="x", created_at=NOW)]
    links.append(Connection(source="a", target="b", created_at=NOW))
    inv = Invitation(id="i1", sender="x", recipient="a", sent_at=NOW)
    with ds.unit_of_work() as uow:
        uow.records.add_new([(c, f"h{i}") for i, c in enumerate(links)] + [(inv, "hi")], NOW)
        assert uow.records.severed() == frozenset()
        uow.enforcement.record_action(None, None, "sever", "x", {}, "lena")
    with ds.unit_of_work() as uow:
        assert uow.records.severed() == {"x"}
        assert uow.records.connections_of("a") == [links[1]]
        assert uow.records.connection_count("a") == 1 and uow.records.connection_count("x") == 0
        assert uow.records.pending_invitations_of("a") == []
        assert uow.records.get("invitation", "i1") == inv  # the record is as stored
        uow.enforcement.record_action(None, None, "reinstate", "x", {}, "lars")
    with ds.unit_of_work() as uow:
        assert uow.records.severed() == frozenset()
        assert uow.records.connection_count("a") == 2
        assert uow.records.pending_invitations_of("a") == [inv]
