"""The store suite runs against SQLite and PostgreSQL alike (UNMASK_TEST_POSTGRES_URL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from tests.conftest import require

from unmask.settings import Settings
from unmask.store import Store


def postgres_url() -> str | None:
    return os.environ.get("UNMASK_TEST_POSTGRES_URL")


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A throwaway database on the PostgreSQL server the tests were given."""
    admin = postgres_url()
    require(admin is not None, "UNMASK_TEST_POSTGRES_URL is not set (no PostgreSQL server)")
    assert admin is not None
    name = f"unmask_test_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    data_dir = tmp_path / "data"
    if request.param == "sqlite":
        url = f"sqlite:///{data_dir / 'unmask.db'}"
    else:
        url = request.getfixturevalue("pg_database")
    st = Store(url, Settings(data_dir=data_dir, database_url=url))
    st.migrate()
    try:
        yield st
    finally:
        st.close()
