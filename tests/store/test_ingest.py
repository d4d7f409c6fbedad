"""Ingest: bad rows reported with file, line and field and quarantined; idempotent; resumable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
from sqlalchemy import select

from unmask.ingest import ingest
from unmask.model.examples import EXAMPLES
from unmask.store import Store
from unmask.store.schema import ingest_files, quarantine


def _write_jsonl(path: Path, rows: list[object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def _account(i: int, **extra: object) -> dict[str, object]:
    return {"id": f"a{i}", "created_at": "2026-01-01T00:00:00Z", "name": f"Member {i}"} | extra


def test_malformed_rows_are_quarantined_and_the_rest_proceeds(store: Store, tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "accounts.jsonl",
        [
            _account(1),
            "{broken json",
            {"id": "a2", "name": "No creation time"},
            _account(3, verified_email="not-a-bool"),
            _account(4),
            _account(4, name="Same id, other content"),  # a new version, not a conflict
            _account(5),
        ],
    )
    inv = _write_jsonl(
        tmp_path / "invitations.jsonl",
        [
            {
                "id": "i1",
                "sender": "a1",
                "recipient": "a4",
                "sent_at": "2026-01-02T00:00:00Z",
                "status": "maybe",
            },
            {"id": "i2", "sender": "a1", "recipient": "a5", "sent_at": "2026-01-02T00:00:00Z"},
            {"id": "i2", "sender": "a1", "recipient": "a4", "sent_at": "2026-01-02T00:00:00Z"},
        ],
    )
    summary = ingest(store, [path, inv])
    acc, invs = summary.files
    assert (acc.accepted, acc.updated, acc.quarantined, acc.present) == (3, 1, 3, 0)
    assert (invs.accepted, invs.quarantined) == (1, 2)
    problems = {(line, field) for line, field, _ in acc.problems}
    assert problems == {(2, ""), (3, "created_at"), (4, "verified_email")}
    assert (3, "id") in {(line, field) for line, field, _ in invs.problems}  # an event conflicts
    assert any(f == "status" and "pending" in msg for _, f, msg in invs.problems)
    with store.connect() as conn:
        rows = conn.execute(select(quarantine.c.path, quarantine.c.line, quarantine.c.raw)).all()
    assert {(Path(p).name, line) for p, line, _ in rows} >= {
        ("accounts.jsonl", 2),
        ("invitations.jsonl", 1),
    }
    assert all(raw for _, _, raw in rows), "the raw row is kept: nothing is lost"
    files = sorted(store.settings.quarantine_dir.glob("*.jsonl"))
    assert len(files) == 2
    first = orjson.loads(files[0].read_bytes().splitlines()[0])
    assert {"file", "line", "field", "error", "raw"} <= set(first)
    assert store.count("account") == 3


def test_reingest_adds_nothing(store: Store, tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "accounts.jsonl", [_account(i) for i in range(50)])
    first = ingest(store, [path]).files[0]
    assert first.accepted == 50
    again = ingest(store, [path]).files[0]
    assert again.skipped and again.accepted == 0 and again.present == 50
    # the same records in another file (other format) are recognised as present
    copy = _write_jsonl(
        tmp_path / "more" / "accounts.jsonl", [_account(i) for i in range(50)] + [_account(99)]
    )
    third = ingest(store, [copy]).files[0]
    assert (third.accepted, third.present, third.quarantined) == (1, 50, 0)
    assert store.count("account") == 51


def test_unreadable_file_is_reported(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "accounts.parquet"
    bad.write_bytes(b"this is not parquet")
    unknown = tmp_path / "mystery.jsonl"
    _write_jsonl(unknown, [{"x": 1}])
    summary = ingest(store, [bad, unknown])
    assert summary.files[0].error and "Parquet" in summary.files[0].error
    assert summary.files[1].quarantined == 1
    assert "record type" in summary.files[1].problems[0][2]


def test_rows_may_name_their_type(store: Store, tmp_path: Path) -> None:
    rows = [{"record_type": kind} | example for kind, example in EXAMPLES.items()]
    summary = ingest(store, [_write_jsonl(tmp_path / "export.jsonl", rows)])
    assert summary.files[0].accepted == len(EXAMPLES)
    assert summary.files[0].quarantined == 0


def _big_file(path: Path, n: int) -> Path:
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    with path.open("wb") as fh:
        for i in range(n):
            fh.write(
                orjson.dumps(
                    {
                        "source": f"a{i}",
                        "target": f"b{i}",
                        "created_at": (t0 + timedelta(seconds=i)).isoformat(),
                    }
                )
                + b"\n"
            )
    return path


def _no_process_reading(path: Path, patience: float = 15.0) -> bool:
    """True once no process has ``path`` on its command line (polled, bounded)."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        alive = False
        for proc_dir in Path("/proc").iterdir():
            if not proc_dir.name.isdigit():
                continue
            try:
                cmdline = (proc_dir / "cmdline").read_bytes()
            except OSError:
                continue
            if str(path).encode() in cmdline:
                alive = True
                break
        if not alive:
            return True
        time.sleep(0.2)
    return False


def test_sigkilled_ingest_resumes_without_loss_or_duplicates(store: Store, tmp_path: Path) -> None:
    n = 150_000
    path = _big_file(tmp_path / "connections.jsonl", n)
    env = os.environ | {
        "UNMASK_DATABASE_URL": store.url,
        "UNMASK_DATA_DIR": str(store.settings.data_dir),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "unmask", "ingest", str(path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        with store.connect() as conn:
            done = conn.execute(select(ingest_files.c.lines_done)).scalar() or 0
        if done > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed: use a larger file"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _no_process_reading(path), "the ingest worker outlived its killed parent"
    partial = store.count("connection")
    assert 0 < partial < n
    resumed = ingest(store, [path]).files[0]
    assert resumed.resumed_from >= done
    assert resumed.accepted + resumed.resumed_from == n
    assert store.count("connection") == n
    assert resumed.quarantined == 0
