"""``unmask scan --engine spark --spark-master spark://...`` against a real standalone cluster (a
master and a worker on 127.0.0.1), and the same assessments and campaigns as DuckDB."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.engine.spark_cluster import standalone_cluster

from unmask.model.scans import ScanCampaign, Scored
from unmask.settings import Settings
from unmask.store import Store

NETWORK = ["-d", "registration_cluster", "-d", "outreach", "-d", "employer_claims"]


def _scan(home: Path, snapshot: Path, *engine: str) -> None:
    env = os.environ | {"UNMASK_DATA_DIR": str(home)}
    env.pop("UNMASK_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "unmask", "scan", "--snapshot", str(snapshot), *NETWORK, *engine],
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def _results(home: Path) -> tuple[list[Scored], list[ScanCampaign]]:
    url = f"sqlite:///{home / 'unmask.db'}"
    store = Store(url, Settings(data_dir=home, database_url=url))
    try:
        with store.unit_of_work() as uow:
            scan = uow.scans.latest()
            assert scan is not None
            return uow.scans.assessments(scan.id), uow.scans.campaigns(scan.id)
    finally:
        store.close()


@pytest.mark.slow
def test_scan_on_a_standalone_cluster_matches_duckdb(small_sim: Path, tmp_path: Path) -> None:
    _scan(tmp_path / "duck", small_sim)
    with standalone_cluster(tmp_path / "cluster") as cluster:
        _scan(tmp_path / "spark", small_sim, "--engine", "spark", "--spark-master", cluster.url)
        assert "unmask-scan" in cluster.applications(), "the scan ran as an app of the master"
    duck, spark = _results(tmp_path / "duck"), _results(tmp_path / "spark")
    assert len(duck[0]) == 600 and duck[1], "the scan assessed every account and found campaigns"
    assert [(a.subject, round(a.risk, 9), a.route) for a in spark[0]] == [
        (a.subject, round(a.risk, 9), a.route) for a in duck[0]
    ]
    assert [(c.key, c.members) for c in spark[1]] == [(c.key, c.members) for c in duck[1]]
