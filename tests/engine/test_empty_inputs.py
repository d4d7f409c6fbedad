"""An empty ingest or an empty scan says so and exits non-zero (and writes no scan record)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer import Typer
from typer.testing import CliRunner

from unmask.cli import ingest_cmd, scan_cmd


def _app() -> Typer:
    app = Typer()
    ingest_cmd.register(app)
    scan_cmd.register(app)
    return app


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("UNMASK_DATA_DIR", str(tmp_path / "home"))
    monkeypatch.delenv("UNMASK_DATABASE_URL", raising=False)
    return tmp_path / "home"


def test_ingest_of_a_folder_without_interchange_files_fails(home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not an export")
    done = CliRunner().invoke(_app(), ["ingest", str(empty)])
    assert done.exit_code != 0
    assert "no interchange files" in done.output


def test_ingest_of_files_without_rows_fails(home: Path, tmp_path: Path) -> None:
    (tmp_path / "accounts.jsonl").write_text("\n\n")
    done = CliRunner().invoke(_app(), ["ingest", str(tmp_path / "accounts.jsonl")])
    assert done.exit_code != 0
    assert "no rows" in done.output


def test_scan_of_an_empty_store_fails_and_writes_no_scan(home: Path) -> None:
    from unmask.store import Store

    runner = CliRunner()
    done = runner.invoke(_app(), ["scan", "-d", "sparse_profile"])
    assert done.exit_code != 0
    assert "no accounts" in done.output
    store = Store.open()
    try:
        assert not (home / "scan").exists() or not any((home / "scan").iterdir())
        assert store.count("account") == 0
    finally:
        store.close()


def test_scan_of_a_snapshot_without_accounts_fails(home: Path, tmp_path: Path) -> None:
    snap = tmp_path / "snap"
    snap.mkdir()
    (snap / "messages.jsonl").write_text("")
    done = CliRunner().invoke(_app(), ["scan", "--snapshot", str(snap)])
    assert done.exit_code != 0
    assert "no accounts" in done.output
