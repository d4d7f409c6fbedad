"""Suite ``profile_cresci2015``: genuine vs bought-follower Twitter accounts, 5-fold stratified.

Five splits: the production features the data set supports; the same without the creation date
(no account age, the creation-year confound removed); and each of those plus the raw
``geo_enabled`` column, a confound reported only to show how much it would inflate the figure.
A fifth split leaves out the follower and following counts, which define a bought follower.
"""

from __future__ import annotations

from pathlib import Path

from unmask.detectors.profile_features import FEATURE_SOURCES
from unmask.evaluation.adapters import LabelledSet, cresci2015
from unmask.evaluation.profile.common import FOLDS, design, metric_rows, out_of_fold
from unmask.evaluation.rows import EvalRow

SUITE = "profile_cresci2015"
REQUIRES = cresci2015.FILES
#: Every feature read from the follower or following count: what a bought-follower account is
#: most obviously defined by (ablated in one split).
FOLLOW_COUNTS = frozenset(
    name
    for name, fields in FEATURE_SOURCES.items()
    if fields & {"stats.followers", "stats.following"}
)


def splits(ls: LabelledSet) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """split name -> (production features, raw confound columns)."""
    full = ls.features()
    no_age = tuple(f for f in full if f in _without_created(ls))

    return {
        f"{FOLDS}-fold stratified": (full, ()),
        f"{FOLDS}-fold stratified, no creation date": (no_age, ()),
        f"{FOLDS}-fold stratified, plus geo_enabled (confound)": (full, ("geo_enabled",)),
        f"{FOLDS}-fold stratified, no creation date, plus geo_enabled (confound)": (
            no_age,
            ("geo_enabled",),
        ),
        f"{FOLDS}-fold stratified, no follower or following counts": (
            tuple(f for f in full if f not in FOLLOW_COUNTS),
            (),
        ),
    }


def _without_created(ls: LabelledSet) -> tuple[str, ...]:
    from unmask.detectors.profile_features import features_without

    return features_without(ls.absent_fields | {"created_at"})


def run(data: Path) -> list[EvalRow]:
    ls = cresci2015.load(data)
    rows: list[EvalRow] = []
    for split, (features, confounds) in splits(ls).items():
        x, y, names = design(ls, features, confounds)
        rows.extend(metric_rows(SUITE, split, y, out_of_fold(x, y, names)))
    return rows
