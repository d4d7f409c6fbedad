"""The photo suites on the real face images (../shared/data): the figures docs/photo-detectors.md
reports. Slow the first time (image work on every core, a few minutes); later runs read the
feature cache."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    return synthetic.run(eval_data)


def test_photo_reuse_held_out(reuse_rows: list[EvalRow]) -> None:
    held = "held-out odd files"
    assert _value(reuse_rows, "photo_reuse", f"{held}, all", "recall") >= 0.985
    assert _value(reuse_rows, "photo_reuse", f"{held}, mirrored", "recall") >= 0.98
    assert _value(reuse_rows, "photo_reuse", f"{held}, not mirrored", "recall") >= 0.97
    assert _value(reuse_rows, "photo_reuse", f"{held}, all", "false_match_rate") <= 0.001
    # whole-image hashes alone do not survive a 5-15% crop
    assert _value(reuse_rows, "photo_reuse[whole-image only]", f"{held}, all", "recall") <= 0.02


def test_synthetic_face_cross_validated(synthetic_rows: list[EvalRow]) -> None:
    orig, small = (f"5-fold stratified, {c}" for c in synthetic.CONDITIONS)
    main = "synthetic_face"
    assert _value(synthetic_rows, main, orig, "roc_auc") >= 0.97
    assert _value(synthetic_rows, main, orig, "tpr_at_1pct_fpr") >= 0.8
    assert _value(synthetic_rows, main, small, "roc_auc") >= 0.96
    assert _value(synthetic_rows, main, small, "tpr_at_1pct_fpr") >= 0.65
    assert _value(synthetic_rows, main, orig, "brier") <= 0.055
    # the face alone carries the signal; the background alone carries less, and breaks when
    # the photo is shrunk and recompressed
    corners = "synthetic_face[corner residuals, background only]"
    for split in (orig, small):
        assert (
            _value(synthetic_rows, main, split, "roc_auc")
            > _value(synthetic_rows, corners, split, "roc_auc") + 0.1
        )
    assert _value(synthetic_rows, "synthetic_face[embedding only]", small, "roc_auc") >= 0.94
    folds = [
        r for r in synthetic_rows if r.detector == main and r.split.startswith(f"{orig}, fold")
    ]
    assert len(folds) == 2 * synthetic.FOLDS
