"""Suite ``profile_instafake``: fake vs real Instagram accounts (200 / 994), 5-fold stratified.

The classes are imbalanced, so PR AUC is the figure to read. The data set carries only counts and
lengths: the model sees the production features those support (see the adapter).
"""

from __future__ import annotations

from pathlib import Path

from unmask.evaluation.adapters import instafake
from unmask.evaluation.profile.common import FOLDS, design, metric_rows, out_of_fold
from unmask.evaluation.rows import EvalRow

SUITE = "profile_instafake"
REQUIRES = instafake.FILES
SPLIT = f"{FOLDS}-fold stratified"


def run(data: Path) -> list[EvalRow]:
    ls = instafake.load(data)
    x, y, names = design(ls, ls.features())
    return metric_rows(SUITE, SPLIT, y, out_of_fold(x, y, names))
