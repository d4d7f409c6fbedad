"""Store behaviour shared by SQLite and PostgreSQL."""

from __future__ import annotations

from unmask.detectors.conformance import conformance_snapshot
from unmask.ingest.validate import content_hash
from unmask.store import Store, record_row
from unmask.store.migrate import check


def _fill(store: Store) -> None:
    from datetime import UTC, datetime

    snap = conformance_snapshot()
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        for kind, records in (
            ("account", list(snap.accounts.values())),
            ("organisation", list(snap.organisations.values())),
            ("invitation", list(snap.invitations)),
            ("connection", list(snap.connections)),
            ("message", list(snap.messages)),
        ):
            store.insert_rows(conn, kind, [record_row(r, content_hash(r), now) for r in records])


def test_migrations_match_models(store: Store) -> None:
    check(store.engine)  # raises when the models changed without a migration


def test_records_round_trip(store: Store) -> None:
    _fill(store)
    snap = conformance_snapshot()
    back = store.snapshot()
    assert dict(back.accounts) == dict(snap.accounts)
    assert list(back.invitations) == sorted(snap.invitations, key=lambda i: i.id)
    assert back.organisations == snap.organisations
    assert store.count("message") == 1


def test_existing_hashes_and_get(store: Store) -> None:
    _fill(store)
    with store.connect() as conn:
        known = store.existing_hashes(conn, "account", ["full", "nobody"])
    assert set(known) == {"full"}
    assert store.get("account", "full") == conformance_snapshot().accounts["full"]
    assert store.get("account", "nobody") is None


def test_times_come_back_in_utc(store: Store) -> None:
    _fill(store)
    account = store.get("account", "full")
    assert account is not None
    assert account.created_at.utcoffset() is not None  # type: ignore[attr-defined]
    assert account.created_at == conformance_snapshot().accounts["full"].created_at  # type: ignore[attr-defined]
