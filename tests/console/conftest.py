"""A store holding the test world, scanned, with users of every role; the queue synced."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.console import world

from unmask.actions import InMemoryExecutor, MemoryChannel, StoreExecutor
from unmask.actions.enforce import Effects
from unmask.auth import User, create_user
from unmask.cases.service import Desk
from unmask.cases.sync import sync_cases
from unmask.engine import run_scan
from unmask.scoring import load_policy
from unmask.settings import Settings
from unmask.store import Store

PASSWORD = "correct-horse-battery"
ROLES = {
    "alice": "analyst",
    "lena": "lead",
    "lars": "lead",
    "aud": "auditor",
    "ada": "admin",
    "svc": "service",
}


def make_store(path: Path) -> Store:
    url = f"sqlite:///{path / 'unmask.db'}"
    st = Store(url, Settings(data_dir=path, database_url=url))
    st.migrate()
    world.load(st)
    run_scan(st, load_policy(), ["sparse_profile", "shared_photo"])
    for name, role in ROLES.items():
        create_user(st, name, role, PASSWORD)
    return st


@pytest.fixture(scope="module")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per module and copied for each test (scans and password hashes are slow)."""
    path = tmp_path_factory.mktemp("world")
    make_store(path).close()
    return path


@pytest.fixture
def store(world_template: Path, tmp_path: Path) -> Iterator[Store]:
    import shutil

    shutil.copytree(world_template, tmp_path / "w")
    path = tmp_path / "w"
    url = f"sqlite:///{path / 'unmask.db'}"
    st = Store(url, Settings(data_dir=path, database_url=url))
    try:
        yield st
    finally:
        st.close()


@pytest.fixture
def desk(store: Store) -> Desk:
    d = Desk(store, load_policy(), Effects(StoreExecutor(store), MemoryChannel()))
    sync_cases(d)
    return d


@pytest.fixture
def memory_desk(store: Store) -> Desk:
    d = Desk(store, load_policy(), Effects(InMemoryExecutor(), MemoryChannel()))
    sync_cases(d)
    return d


def who(store: Store, name: str) -> User:
    from unmask.auth import get_user

    found = get_user(store, name)
    assert found is not None
    return found
