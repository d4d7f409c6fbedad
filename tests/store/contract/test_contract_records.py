"""Records: added once by key, replaced, found by column; connections and invitations."""

from __future__ import annotations

from datetime import UTC, datetime

from unmask.model import Account, Connection, Invitation, Organisation
from unmask.model.enums import InvitationStatus
from unmask.store.interface import DataStore

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _world() -> list[tuple[object, str]]:
    return [
        (Account(id="a", name="Ann", created_at=NOW), "h1"),
        (Account(id="b", name="Bo", created_at=NOW), "h2"),
        (Organisation(id="o1", name="Acme", created_at=NOW), "h3"),
        (Connection(source="a", target="b", created_at=NOW), "h4"),
        (Connection(source="c", target="a", created_at=NOW), "h5"),
        (Connection(source="b", target="c", created_at=NOW), "h6"),
        (Invitation(id="i2", sender="a", recipient="d", sent_at=NOW), "h7"),
        (Invitation(id="i1", sender="e", recipient="a", sent_at=NOW), "h8"),
        (
            Invitation(
                id="i3",
                sender="a",
                recipient="f",
                sent_at=NOW,
                status=InvitationStatus.ACCEPTED,
                responded_at=NOW,
            ),
            "h9",
        ),
    ]


def test_add_new_once_get_page_count(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        assert uow.records.add_new(_world(), NOW) == 9  # type: ignore[arg-type]
        assert uow.records.add_new(_world()[:2], NOW) == 0  # type: ignore[arg-type]
    with ds.unit_of_work() as uow:
        got = uow.records.get("account", "a")
        assert isinstance(got, Account) and got.name == "Ann"
        assert uow.records.get("account", "zz") is None
        assert uow.records.count("connection") == 3
        assert [r.key() for r in uow.records.page("connection", None, 2)] == ["a|b", "a|c"]
        assert [r.key() for r in uow.records.page("connection", "a|c", 5)] == ["b|c"]
        assert [r.key() for r in uow.records.all("organisation")] == ["o1"]
        sent = uow.records.matching("invitation", "sender", ["a", "x"])
        assert [r.key() for r in sent] == ["i2", "i3"]
        assert [r.key() for r in uow.records.matching("account", "key", ["b", "q"])] == ["b"]
        accepted = uow.records.matching("invitation", "status", ["accepted"])
        assert [r.key() for r in accepted] == ["i3"]


def test_replace_connections_and_pending_invitations(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        uow.records.add_new(_world(), NOW)  # type: ignore[arg-type]
    with ds.unit_of_work() as uow:
        assert [(c.source, c.target) for c in uow.records.connections_of("a")] == [
            ("a", "b"),
            ("c", "a"),
        ]
        assert uow.records.connection_count("a") == 2
        assert [i.id for i in uow.records.pending_invitations_of("a")] == ["i1", "i2"]
        withdrawn = Invitation(
            id="i2", sender="a", recipient="d", sent_at=NOW, status=InvitationStatus.WITHDRAWN
        )
        uow.records.replace(withdrawn, "h10", NOW)
        assert uow.records.delete_connections_of("a") == 2
    with ds.unit_of_work() as uow:
        assert uow.records.connection_count("a") == 0 and uow.records.connection_count("c") == 1
        assert [i.id for i in uow.records.pending_invitations_of("a")] == ["i1"]
        got = uow.records.get("invitation", "i2")
        assert isinstance(got, Invitation) and got.status is InvitationStatus.WITHDRAWN


def test_hashes_added_at_delete(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        uow.records.add_new(_world(), NOW)  # type: ignore[arg-type]
    with ds.unit_of_work() as uow:
        assert uow.records.hashes("account", ["a", "b", "zz"]) == {"a": "h1", "b": "h2"}
        assert uow.records.added_at("account", ["a", "zz"]) == {"a": NOW}
        assert uow.records.delete("account", ["a", "zz"]) == 1
    with ds.unit_of_work() as uow:
        assert uow.records.get("account", "a") is None and uow.records.count("account") == 1


def test_values_of_one_field(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        uow.records.add_new(_world(), NOW)  # type: ignore[arg-type]
    with ds.unit_of_work() as uow:
        names = uow.records.values("account", "name", ["a", "b", "zz"])
        assert names == {"a": "Ann", "b": "Bo"}
        assert uow.records.values("account", "positions", ["a"]) == {"a": []}
        assert uow.records.values("account", "headline", ["a"]) == {"a": ""}
        assert uow.records.values("account", "photo", ["a"]) == {"a": None}
