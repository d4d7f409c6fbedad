"""The text suites on the real third-party data: the figures docs/text-detectors.md claims.

To stay fast, the ``text_origin`` checks run without the embedding component and on a share of
each corpus's groups (a fixed seed); the full run is the documented command. The thresholds
below are the claims (goals or honest floors), not the measured values.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unmask.evaluation import suite_sms, suite_text_sim
from unmask.evaluation import suite_text_origin as text_suite
from unmask.evaluation.rows import EvalRow
from unmask.evaluation.text.jobs import load_jobs
from unmask.evaluation.text.reference import DETECTOR as REFERENCE
from unmask.evaluation.text.tweepfake import load_tweepfake

pytestmark = [pytest.mark.realdata, pytest.mark.slow]
LENGTHS = ("150", "300", "full")


def _value(rows: list[EvalRow], split: str, metric: str, detector: str | None = None) -> float:
    (row,) = [r for r in rows if r.split == split and r.metric == metric
              and (detector is None or r.detector == detector)]  # fmt: skip
    return row.value


def test_text_origin_holds_on_another_field_at_its_own_threshold(eval_data: Path) -> None:
    """Goal: source-out accuracy >= 0.90 at 150, 300 characters and whole texts, with the
    threshold and crops chosen on the training fields only; the reference ranks as well but
    loses its threshold."""
    jobs = text_suite.subsample(load_jobs(eval_data), 0.3)
    folds = text_suite.field_shift(jobs, text_suite.FIELDS_A, text_suite.FIELDS_B)
    rows = text_suite.evaluate_split("shift", folds, use_embeddings=False)
    for n in LENGTHS:
        split = f"shift @{n}"
        assert _value(rows, split, "accuracy", "text_origin") >= 0.90
        assert _value(rows, split, "roc_auc", "text_origin") >= 0.96  # 0.973 at 150 on this share
        assert _value(rows, split, "accuracy", "text_origin") > _value(
            rows, split, "accuracy", REFERENCE
        )


def test_text_origin_across_corpora_is_no_worse_than_the_reference(eval_data: Path) -> None:
    """Across generators (GPT-2/RNN tweets -> Gemini job posts) the goal is not met (near
    chance, see the docs); the floor is the project rule: never below the simple reference."""
    jobs = text_suite.subsample(load_jobs(eval_data), 0.15)
    tweets = text_suite.subsample(load_tweepfake(eval_data), 0.5)
    rows = text_suite.evaluate_split("cross", [(tweets, jobs)], use_embeddings=False)
    for n in LENGTHS:
        split = f"cross @{n}"
        ours, ref = (_value(rows, split, "roc_auc", d) for d in ("text_origin", REFERENCE))
        assert ours >= ref - 0.02


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
