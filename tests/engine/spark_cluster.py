"""A Spark standalone cluster (one master, one worker) on 127.0.0.1 for tests, started from the
``spark-class`` launcher that the pyspark wheel ships (no download)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import require


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def master_state(ui_port: int) -> dict[str, Any]:
    """The master's own account of its workers and applications (its JSON status page)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{ui_port}/json/", timeout=2) as r:
            state: dict[str, Any] = json.load(r)
    except OSError:
        return {}
    return state


def _alive_workers(ui_port: int) -> int:
    workers = master_state(ui_port).get("workers", [])
    return sum(1 for w in workers if w.get("state") == "ALIVE")


@dataclass(frozen=True)
class Cluster:
    url: str
    ui_port: int

    def applications(self) -> list[str]:
        state = master_state(self.ui_port)
        apps = state.get("activeapps", []) + state.get("completedapps", [])
        return [str(a.get("name")) for a in apps]


@contextmanager
def standalone_cluster(work: Path) -> Iterator[Cluster]:
    """``spark://127.0.0.1:PORT`` of a running master with one registered worker."""
    require(shutil.which("java") is not None, "Spark needs Java 17 on the PATH")
    try:
        import pyspark
    except ImportError:
        require(False, "pyspark is not installed")
        raise
    home = Path(pyspark.__file__).parent
    launcher = home / "bin" / "spark-class"
    require(launcher.exists(), f"{launcher} not found in the pyspark wheel")
    env = os.environ | {
        "SPARK_HOME": str(home),
        "SPARK_LOCAL_IP": "127.0.0.1",
        "SPARK_NO_DAEMONIZE": "1",
        "SPARK_LOG_DIR": str(work / "logs"),
        "SPARK_WORKER_DIR": str(work / "worker"),
    }
    port, ui, worker_ui = _free_port(), _free_port(), _free_port()
    url = f"spark://127.0.0.1:{port}"
    work.mkdir(parents=True, exist_ok=True)
    logs = (work / "master.log").open("wb"), (work / "worker.log").open("wb")
    master = subprocess.Popen(
        [
            *(str(launcher), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1"),
            *("--port", str(port), "--webui-port", str(ui)),
        ],
        env=env,
        stdout=logs[0],
        stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [
            *(str(launcher), "org.apache.spark.deploy.worker.Worker", url, "--host", "127.0.0.1"),
            *("--cores", "2", "--memory", "2G", "--webui-port", str(worker_ui)),
            *("--work-dir", str(work / "worker")),
        ],
        env=env,
        stdout=logs[1],
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 180
        while _alive_workers(ui) < 1:
            if time.monotonic() > deadline or master.poll() is not None:
                tail = (work / "master.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the Spark cluster did not come up:\n{tail}")
            time.sleep(1)
        yield Cluster(url, ui)
    finally:
        for proc in (worker, master):
            proc.terminate()
        for proc in (worker, master):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        for fh in logs:
            fh.close()
