"""The store contract runs on every implementation: memory, SQLite and PostgreSQL
(UNMASK_TEST_POSTGRES_URL; skipped locally without it, a failure in CI)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from unmask.settings import Settings
from unmask.store import Store
from unmask.store.interface import DataStore
from unmask.store.memory import MemoryStore


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def ds(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DataStore]:
    if request.param == "memory":
        yield MemoryStore()
        return
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'unmask.db'}"
    else:
        url = request.getfixturevalue("pg_database")
    st = Store(url, Settings(data_dir=tmp_path, database_url=url))
    st.migrate()
    try:
        yield st
    finally:
        st.close()
