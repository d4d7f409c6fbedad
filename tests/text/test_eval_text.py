"""The text suites on the real third-party data: the figures docs/text-detectors.md claims.

To stay fast, the job-post check runs without the embedding component and on 40% of the
near-duplicate groups (chosen by a fixed seed); the full run with embeddings is the documented
command. The thresholds below are the claims, not the measured values.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unmask.evaluation import suite_jobs, suite_sms, suite_text_sim
from unmask.evaluation.rows import EvalRow

pytestmark = [pytest.mark.realdata, pytest.mark.slow]


def _value(rows: list[EvalRow], split: str, metric: str) -> float:
    (row,) = [r for r in rows if r.split == split and r.metric == metric]
    return row.value


def test_jobs_text_origin_meets_its_claims(eval_data: Path) -> None:
    rows = suite_jobs.run(eval_data, fraction=0.4, use_embeddings=False)
    assert _value(rows, "groupkfold5-noemb", "roc_auc") >= 0.995
    assert _value(rows, "shift@300-noemb", "roc_auc") >= 0.99
    assert _value(rows, "shift@300-noemb", "accuracy") >= 0.85
    assert _value(rows, "shift@full-noemb", "accuracy") >= 0.9


def test_sms_approach_language_meets_its_claims(eval_data: Path) -> None:
    rows = suite_sms.run(eval_data)
    assert _value(rows, "rules", "roc_auc") >= 0.7
    assert _value(rows, "groupkfold5", "roc_auc") >= 0.98
    assert _value(rows, "groupkfold5", "accuracy") >= 0.97


def test_synthetic_suite_runs_and_ranks() -> None:
    rows = suite_text_sim.run(Path("."), members=1000, seed=3)
    split = "synthetic 1000 members seed 3"
    assert _value(rows, f"rules {split}", "roc_auc") >= 0.8
    assert {r.detector for r in rows} == {"approach_language", "text_origin"}
