"""A throwaway PostgreSQL cluster for the test session, when ``initdb`` is installed.

``make test`` on a developer's machine then runs the PostgreSQL tests too, as Redis tests start
their own server. CI (``.ci/run``) starts its own cluster and sets ``UNMASK_TEST_POSTGRES_URL``, so
nothing is started here then. ``UNMASK_TEST_POSTGRES=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    dirs = [d for d in dirs if Path(d, "initdb").exists()]
    return Path(dirs[-1]) if dirs else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    bin: Path
    root: Path
    port: int
    as_user: str | None

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.as_user:
            line = " ".join(shlex.quote(c) for c in cmd)
            cmd = ["su", self.as_user, "-s", "/bin/sh", "-c", line]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = self.root / "data"
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
        opts = f"-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(data), "-w", "-l", str(self.root / "log"), "-o", opts, "start"
        )

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster | None:
    """A running throwaway cluster, or None when PostgreSQL is not installed or is not wanted."""
    if (
        os.environ.get("UNMASK_TEST_POSTGRES_URL")
        or os.environ.get("UNMASK_TEST_POSTGRES") == "off"
    ):
        return None
    binary = _bin_dir()
    if binary is None:
        return None
    as_user: str | None = None
    if os.geteuid() == 0:  # initdb refuses to run as root: use the postgres account if there is one
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return None
        as_user = "postgres"
    root = Path(tempfile.mkdtemp(prefix="unmask-pg-"))
    if as_user:
        os.chmod(root, 0o755)
        shutil.chown(root, user=as_user)
    cluster = Cluster(binary, root, _free_port(), as_user)
    try:
        cluster.start()
    except (subprocess.SubprocessError, OSError):
        cluster.stop()
        return None
    os.environ["UNMASK_TEST_POSTGRES_URL"] = cluster.url
    return cluster
