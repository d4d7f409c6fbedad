"""JSONL files, Parquet files and an in-memory Snapshot give the engine the same findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unmask.detectors import BatchDetector
from unmask.detectors.network.runner import Features, compute, snapshot_features
from unmask.detectors.network.tables import RAW_COLUMNS
from unmask.engine.runners import DuckEngine, raw_file
from unmask.engine.sources import snapshot_from_dir
from unmask.formats.io import RecordWriter
from unmask.model import Finding, Snapshot
from unmask.plugins import load_plugins

BATCH = [d for d in load_plugins().detectors if isinstance(d, BatchDetector)]

AS_OF = "SELECT MAX(unix_timestamp(CAST(created_at AS TIMESTAMP))) AS t FROM account"


def _keyed(features: Features) -> list[Any]:
    subjects = [str(r["id"]) for r in features.rows("acct", "id")]
    return _rows([f for det in BATCH for f in det.detect_batch(features, subjects)])


def _rows(findings: list[Finding]) -> list[Any]:
    return [
        (f.detector, f.subject, f.score, [e.text for e in f.evidence], f.reason) for f in findings
    ]


def _from_files(folder: Path) -> list[Any]:
    runner = DuckEngine()
    try:
        for kind in RAW_COLUMNS:
            runner.read_raw(kind, raw_file(folder, kind))
        as_of = int(runner.fetch(AS_OF)[0]["t"])
        compute(runner, as_of)
        return _keyed(Features(runner, as_of))
    finally:
        runner.close()


def _write_parquet(snapshot: Snapshot, out: Path) -> None:
    sources: dict[str, Any] = {
        "account": snapshot.accounts.values(),
        "organisation": snapshot.organisations.values(),
        "connection": snapshot.connections,
        "invitation": snapshot.invitations,
        "message": snapshot.messages,
        "endorsement": snapshot.endorsements,
    }
    for kind, records in sources.items():
        with RecordWriter(out / f"{kind}s.parquet", kind) as writer:
            for record in records:
                writer.write(record)


def test_jsonl_parquet_and_snapshot_agree(small_sim: Path, tmp_path: Path) -> None:
    snapshot = snapshot_from_dir(small_sim)
    _write_parquet(snapshot, tmp_path)
    from_jsonl = _from_files(small_sim)
    assert len(from_jsonl) == 3 * len(snapshot.accounts)
    assert _from_files(tmp_path) == from_jsonl
    assert _keyed(snapshot_features(snapshot)) == from_jsonl
    # the in-process form of each detector object gives its batch form's findings
    subjects = sorted(snapshot.accounts)
    in_process = _rows([f for det in BATCH for f in det.detect(snapshot, subjects)])
    assert sorted(in_process, key=repr) == sorted(from_jsonl, key=repr)
    assert {d.name for d in BATCH} == {"registration_cluster", "outreach", "employer_claims"}
