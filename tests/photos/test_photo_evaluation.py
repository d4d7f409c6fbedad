"""The photo suites on the real face images (../shared/data): the figures docs/photo-detectors.md
reports, pinned as floors. Slow the first time (image work, a few minutes on 2 cores); later runs
read the feature cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from unmask.detectors.photo_match import CONTEXT_THRESHOLD, FACE_THRESHOLD
from unmask.evaluation.photos import reuse, synthetic
from unmask.evaluation.rows import EvalRow

pytestmark = [pytest.mark.realdata, pytest.mark.slow]


def _value(rows: list[EvalRow], detector: str, split: str, metric: str) -> float:
    [row] = [r for r in rows if (r.detector, r.split, r.metric) == (detector, split, metric)]
    return row.value


@pytest.fixture(scope="module")
def reuse_rows(eval_data: Path) -> list[EvalRow]:
    return reuse.run(eval_data)


@pytest.fixture(scope="module")
def synthetic_rows(eval_data: Path) -> list[EvalRow]:
    keep = ("synthetic_face", "synthetic_face[corner residuals, background only]")
    return synthetic.run(eval_data, {k: synthetic.VARIANTS[k] for k in keep})


def test_photo_reuse_held_out(reuse_rows: list[EvalRow]) -> None:
    held = "held-out odd files"
    assert _value(reuse_rows, "photo_reuse", f"{held}, all", "recall") >= 0.99 - 1e-9
    assert _value(reuse_rows, "photo_reuse", f"{held}, mirrored", "recall") >= 0.985
    assert _value(reuse_rows, "photo_reuse", f"{held}, not mirrored", "recall") >= 0.985
    assert _value(reuse_rows, "photo_reuse", f"{held}, all", "false_match_rate") <= 1e-4
    # whole-image hashes alone do not survive a 5-15% crop
    assert _value(reuse_rows, "photo_reuse[whole-image only]", f"{held}, all", "recall") <= 0.02


def test_photo_reuse_false_candidates_at_platform_scale(reuse_rows: list[EvalRow]) -> None:
    def per_query(detector: str, kind: str, size: str, estimate: str) -> float:
        split = f"held-out pairs, {kind}, bank {size}, {estimate}"
        return _value(reuse_rows, detector, split, "false_candidates_per_query")

    assert per_query("photo_reuse", "all", "1,000,000", "factorised") <= 1.0
    assert per_query("photo_reuse", "generated-generated", "1,000,000", "factorised") <= 10.0
    assert per_query("photo_reuse", "all", "1,000,000", "observed") == 0.0
    # a face match alone (the previous rule) gives hundreds at 1M, mostly generated pairs
    old = "photo_reuse[face alone asserts, previous rule]"
    assert per_query(old, "all", "1,000,000", "observed") >= 300
    assert per_query(old, "generated-generated", "1,000,000", "observed") >= 3000
    exact = "held-out pairs, exact"
    assert _value(reuse_rows, "photo_reuse", exact, "recall") >= 0.99 - 1e-9


def test_photo_reuse_thresholds_are_the_calibration_choice(eval_data: Path) -> None:
    assert reuse.calibrate(eval_data) == (FACE_THRESHOLD, CONTEXT_THRESHOLD)


def test_synthetic_face_unseen_photos(synthetic_rows: list[EvalRow]) -> None:
    orig, mid, small = (synthetic.split_name(c) for c in synthetic.CONDITIONS)
    main = "synthetic_face"
    # goals (0.90 on unseen photos, 0.80 at 160 px) not met: these pin what is measured
    assert _value(synthetic_rows, main, orig, "tpr_at_1pct_fpr") >= 0.75
    assert _value(synthetic_rows, main, mid, "tpr_at_1pct_fpr") >= 0.72
    assert _value(synthetic_rows, main, small, "tpr_at_1pct_fpr") >= 0.62
    assert _value(synthetic_rows, main, orig, "roc_auc") >= 0.97
    assert _value(synthetic_rows, main, mid, "roc_auc") >= 0.96
    assert _value(synthetic_rows, main, small, "roc_auc") >= 0.955
    # the face alone carries the signal; the background alone carries less, and breaks when
    # the photo is shrunk and recompressed
    corners = "synthetic_face[corner residuals, background only]"
    for split in (orig, small):
        assert (
            _value(synthetic_rows, main, split, "roc_auc")
            > _value(synthetic_rows, corners, split, "roc_auc") + 0.1
        )
    folds = [
        r for r in synthetic_rows if r.detector == main and r.split.startswith(f"{orig}, fold")
    ]
    assert len(folds) == 2 * synthetic.FOLDS
