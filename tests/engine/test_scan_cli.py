"""``unmask scan --snapshot DIR`` on DuckDB: stages cached, one re-run alone, campaigns stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer import Typer
from typer.testing import CliRunner

from unmask.cli import scan_cmd
from unmask.store import Store
from unmask.store.campaign_schema import campaigns
from unmask.store.schema import assessments, findings

NETWORK = ["-d", "registration_cluster", "-d", "outreach", "-d", "employer_claims"]


def _app() -> Typer:
    app = Typer()
    scan_cmd.register(app)
    return app


def test_scan_a_snapshot_folder_then_rerun_a_stage(
    small_sim: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNMASK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("UNMASK_DATABASE_URL", raising=False)
    runner = CliRunner()
    done = runner.invoke(_app(), ["scan", "--snapshot", str(small_sim), *NETWORK])
    assert done.exit_code == 0, done.output
    assert "campaign(s) of linked flagged accounts" in done.output
    cached = tmp_path / "scan" / "1"
    assert (cached / "features" / "outreach.parquet").exists()
    assert (cached / "findings.parquet").exists()
    store = Store.open()
    try:
        with store.connect() as conn:
            n_accounts = conn.execute(select(func.count()).select_from(assessments)).scalar_one()
            stored = conn.execute(select(campaigns)).mappings().all()
            kinds = conn.execute(select(findings.c.subject_kind).distinct()).scalars().all()
        assert n_accounts == 600
        assert stored and all(len(c["members"]) == c["size"] >= 2 for c in stored)
        assert set(kinds) == {"account", "campaign"}
        again = runner.invoke(_app(), ["scan", "--stage", "assess", *NETWORK])
        assert again.exit_code == 0, again.output
        with store.connect() as conn:
            assert conn.execute(select(func.count()).select_from(campaigns)).scalar_one() == len(
                stored
            )
    finally:
        store.close()
    bad = runner.invoke(_app(), ["scan", "--stage", "nope"])
    assert bad.exit_code == 2 and "unknown stage" in bad.output
