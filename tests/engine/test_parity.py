"""DuckDB and Spark run the same SQL and must give the same findings and campaigns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unmask.detectors import BatchDetector
from unmask.detectors.network.runner import Features, compute
from unmask.detectors.network.tables import RAW_COLUMNS
from unmask.engine.campaigns import build_campaigns
from unmask.engine.runners import DuckEngine, EngineRunner, raw_file
from unmask.plugins import load_plugins
from unmask.scoring import load_policy

BATCH = [d for d in load_plugins().detectors if isinstance(d, BatchDetector)]

AS_OF = "SELECT MAX(unix_timestamp(CAST(created_at AS TIMESTAMP))) AS t FROM account"


def _run(runner: EngineRunner, folder: Path) -> tuple[list[Any], list[Any]]:
    for kind in RAW_COLUMNS:
        runner.read_raw(kind, raw_file(folder, kind))
    as_of = int(runner.fetch(AS_OF)[0]["t"])
    compute(runner, as_of)
    features = Features(runner, as_of)
    subjects = [str(r["id"]) for r in features.rows("acct", "id")]
    findings = [f for det in BATCH for f in det.detect_batch(features, subjects)]
    best: dict[str, float] = {}
    for f in findings:
        best[f.subject] = max(best.get(f.subject, 0.0), f.score or 0.0)
    flagged = [s for s, v in best.items() if v >= 0.4]
    campaigns = build_campaigns(runner, flagged, best, load_policy())
    keyed = [
        (f.detector, f.subject, f.score, [e.text for e in f.evidence], f.reason) for f in findings
    ]
    return keyed, [(c.key, c.members, c.links, len(c.targets)) for c in campaigns]


def test_duckdb_and_spark_agree(small_sim: Path, spark_engine: EngineRunner) -> None:
    duck = DuckEngine()
    try:
        duck_findings, duck_campaigns = _run(duck, small_sim)
    finally:
        duck.close()
    spark_findings, spark_campaigns = _run(spark_engine, small_sim)
    assert len(duck_findings) == 3 * 600
    assert sum(1 for f in duck_findings if f[2] is not None and f[2] > 0) > 20
    assert duck_findings == spark_findings
    assert duck_campaigns and duck_campaigns == spark_campaigns
