"""Fixtures of the member-side tests: a store holding the small world of ``world.py``."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import SecretStr
from tests.member.world import world

from unmask.ingest.validate import content_hash
from unmask.model.records import Account
from unmask.store import Store, record_row


def fill(store: Store) -> None:
    snap = world()
    now = datetime.now(UTC)
    reporter = Account(id="member-9", created_at=snap.as_of, name="Checking Member")
    with store.engine.begin() as conn:
        for kind, records in (
            ("account", [*snap.accounts.values(), reporter]),
            ("organisation", list(snap.organisations.values())),
            ("connection", list(snap.connections)),
            ("invitation", list(snap.invitations)),
            ("login", list(snap.logins)),
        ):
            store.insert_rows(conn, kind, [record_row(r, content_hash(r), now) for r in records])


@pytest.fixture
def world_store(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("UNMASK_ORG_SECRET", "test-secret-not-for-production")  # for the CLI
    secret = SecretStr("test-secret-not-for-production")
    sqlite_store.settings = sqlite_store.settings.model_copy(update={"org_secret": secret})
    fill(sqlite_store)
    return sqlite_store
