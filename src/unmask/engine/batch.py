"""The batch pipeline in stages, each of which caches its output under the scan's folder
(``$UNMASK_DATA_DIR/scan/<scan id>/``) so that it can be re-run alone:

``load``      raw tables from the store's snapshot or a folder of interchange files -> raw/
``features``  the network SQL -> features/<table>.parquet
``detect``    network detectors from the features, the other detectors in process -> findings
``assess``    policy, campaigns and the store (run by ``unmask.engine.scan``)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from unmask.detectors import BatchDetector, Detector
from unmask.detectors.network.runner import Features, compute
from unmask.detectors.network.sql_base import BASE
from unmask.detectors.network.sql_features import FEATURES
from unmask.detectors.network.tables import RAW_COLUMNS, epoch_of, snapshot_tables
from unmask.engine.runners import EngineRunner, raw_file
from unmask.model import Evidence, Finding, Snapshot
from unmask.model.findings import evidence_json

STAGES = ("load", "features", "detect", "assess")
Progress = Callable[[str, int, int], None]


class StageError(RuntimeError):
    pass


def _quiet(_name: str, _done: int, _total: int) -> None:
    return None


def stage_load(
    runner: EngineRunner,
    scan_dir: Path,
    snapshot: Snapshot | None,
    folder: Path | None,
    progress: Progress = _quiet,
) -> int:
    """Raw tables into the engine (and raw/ as Parquet); returns ``as_of`` in epoch seconds."""
    kinds = list(RAW_COLUMNS)
    tables = snapshot_tables(snapshot) if snapshot is not None else {}
    for i, kind in enumerate(kinds):
        progress(f"load {kind}", i, len(kinds))
        if snapshot is not None:
            runner.register(kind, tables[kind])
        else:
            assert folder is not None
            runner.read_raw(kind, raw_file(folder, kind))
        runner.save(kind, scan_dir / "raw" / f"{kind}.parquet")
    if snapshot is not None:
        as_of = epoch_of(snapshot.as_of)
    else:
        sql = "SELECT MAX(unix_timestamp(CAST(created_at AS TIMESTAMP))) AS t FROM account"
        as_of = int(runner.fetch(sql)[0]["t"] or 0)
    (scan_dir / "meta.json").write_text(json.dumps({"as_of": as_of, "engine": runner.name}))
    return as_of


def as_of_of(scan_dir: Path) -> int:
    try:
        return int(json.loads((scan_dir / "meta.json").read_text())["as_of"])
    except (OSError, KeyError, ValueError) as exc:
        raise StageError(f"{scan_dir}: run the load stage first ({exc})") from None


def reload_raw(runner: EngineRunner, scan_dir: Path) -> None:
    for kind in RAW_COLUMNS:
        path = scan_dir / "raw" / f"{kind}.parquet"
        if not path.exists():
            raise StageError(f"{path} is missing: run the load stage first")
        runner.load(kind, path)


def stage_features(
    runner: EngineRunner, scan_dir: Path, as_of: int, progress: Progress = _quiet
) -> None:
    compute(runner, as_of, progress=lambda name, i, n: progress(f"features {name}", i, n))
    for name, _ in (*BASE, *FEATURES):
        runner.save(name, scan_dir / "features" / f"{name}.parquet")


def reload_features(runner: EngineRunner, scan_dir: Path) -> None:
    for name, _ in (*BASE, *FEATURES):
        path = scan_dir / "features" / f"{name}.parquet"
        if not path.exists():
            raise StageError(f"{path} is missing: run the features stage first")
        runner.load(name, path)


def stage_detect(
    runner: EngineRunner,
    scan_dir: Path,
    as_of: int,
    detectors: Sequence[Detector],
    snapshot: Callable[[], Snapshot] | None,
    progress: Progress = _quiet,
) -> tuple[list[Finding], dict[str, str]]:
    """Network detectors from the engine's features; the others in process on a Snapshot."""
    features = Features(runner, as_of)
    subjects = [str(r["id"]) for r in features.rows("acct", "id")]
    out: list[Finding] = []
    errors: dict[str, str] = {}
    for i, det in enumerate(detectors):
        progress(f"detect {det.name}", i, len(detectors))
        try:
            if isinstance(det, BatchDetector):
                out.extend(det.detect_batch(features, subjects))
            elif snapshot is None:
                errors[det.name] = "runs in process only: no snapshot for this source"
            else:
                out.extend(det.detect(snapshot(), subjects))
        except ImportError as exc:  # an optional extra is missing: say so, run the rest
            errors[det.name] = f"missing dependency: {exc}"
    save_findings(out, scan_dir / "findings.parquet")
    return out, errors


def save_findings(findings: Sequence[Finding], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols: dict[str, list[Any]] = {
        "subject": [f.subject for f in findings],
        "subject_kind": [f.subject_kind for f in findings],
        "detector": [f.detector for f in findings],
        "version": [f.version for f in findings],
        "score": [f.score for f in findings],
        "reason": [f.reason for f in findings],
        "evidence": [json.dumps(evidence_json(f), default=str) for f in findings],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(cols), path)


def load_findings(path: Path) -> list[Finding]:
    import pyarrow.parquet as pq

    if not path.exists():
        raise StageError(f"{path} is missing: run the detect stage first")
    out: list[Finding] = []
    for r in pq.read_table(path).to_pylist():
        evidence = tuple(
            Evidence(e["text"], e["weight"], e["member_text"], tuple(e["related"]), dict(e["data"]))
            for e in json.loads(r["evidence"])
        )
        out.append(
            Finding(
                r["detector"],
                r["version"],
                r["subject"],
                r["score"],
                evidence,
                r["reason"],
                r["subject_kind"],
            )
        )
    return out
