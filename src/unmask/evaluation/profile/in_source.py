"""Suite ``profile_in_source``: 5-fold stratified CV inside each of the newer Twitter sources.

``cresci2017``, ``botometer_feedback_2019`` and ``vendor_verified_2019`` (cresci-2015 and InstaFake
have suites of their own). Second to the source-out figures: a source's own folds share its
collection, era and bot families, so these say how separable a source is, not how the model
transfers. The gradient-boosting reference is fitted on the same folds and features.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from unmask.evaluation.profile import sources
from unmask.evaluation.profile.common import DETECTOR, FOLDS, SEED, design, out_of_fold
from unmask.evaluation.rows import EvalRow, binary_metrics
from unmask.evaluation.source_out import GB_REFERENCE, gradient_boosting_reference

SUITE = "profile_in_source"
NAMES = ("cresci2017", "botometer_feedback_2019", "vendor_verified_2019")
REQUIRES = tuple(p for n in NAMES for p in sources.LOADERS[n][0])


def run(data: Path) -> list[EvalRow]:
    from sklearn.model_selection import StratifiedKFold

    rows: list[EvalRow] = []
    for name in NAMES:
        ls = sources.LOADERS[name][1](data)
        x, y, names = design(ls, ls.features())
        split = f"{name}, {FOLDS}-fold stratified"
        ref = np.zeros(len(y), dtype=np.float64)
        for tr, te in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y):
            ref[te] = gradient_boosting_reference(x[tr], y[tr], x[te])
        rows += binary_metrics(
            DETECTOR, SUITE, split, y.tolist(), out_of_fold(x, y, names).tolist()
        )
        rows += binary_metrics(GB_REFERENCE, SUITE, split, y.tolist(), ref.tolist())
    return rows
