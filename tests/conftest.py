"""Shared fixtures. ``UNMASK_REQUIRE_SERVICES=1`` (set by .ci/run) turns every skip for a missing
server, browser or data set into a failure, so a green CI means they all ran."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from unmask.evaluation import data_dir
from unmask.store import Store

_PG: dict[str, object] = {}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start a throwaway PostgreSQL cluster when initdb is installed, none was given and a
    collected test wants PostgreSQL (a ``postgres`` marker or parameter)."""
    from tests.pg_cluster import start_cluster

    wanted = any(
        item.get_closest_marker("postgres") or "postgres" in item.nodeid.lower() for item in items
    )
    if wanted and "cluster" not in _PG:
        cluster = start_cluster()
        if cluster is not None:
            _PG["cluster"] = cluster


def pytest_unconfigure(config: pytest.Config) -> None:
    from tests.pg_cluster import Cluster

    cluster = _PG.pop("cluster", None)
    if isinstance(cluster, Cluster):
        cluster.stop()


def require(condition: bool, reason: str) -> None:
    """Skip with ``reason`` when ``condition`` is false; fail instead under CI."""
    if condition:
        return
    if os.environ.get("UNMASK_REQUIRE_SERVICES") == "1":
        pytest.fail(f"required in CI but missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def eval_data() -> Path:
    """The third-party evaluation data (../shared/data or $UNMASK_EVAL_DATA)."""
    root = data_dir().resolve()
    require(root.is_dir(), f"evaluation data not found at {root}")
    return root


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh UNMASK_DATA_DIR (and default SQLite store) for one test."""
    home = tmp_path / "unmask-data"
    monkeypatch.setenv("UNMASK_DATA_DIR", str(home))
    monkeypatch.delenv("UNMASK_DATABASE_URL", raising=False)
    return home


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh, migrated SQLite store in a temporary data directory."""
    from unmask.settings import Settings

    data = tmp_path / "store"
    url = f"sqlite:///{data / 'unmask.db'}"
    st = Store(url, Settings(data_dir=data, database_url=url))
    st.migrate()
    try:
        yield st
    finally:
        st.close()
