"""Suite ``profile_cross_domain``: train on one data set, test on the other.

Only the production features both data sets support are used (counts, their ratio, photo present,
headline and name length, digits in the name). The two sets differ in platform, era and what
"fake" means (bought Twitter followers vs Instagram fakes), so these figures measure how far a
model carries out of its domain, not how it would do on a professional network.
"""

from __future__ import annotations

from pathlib import Path

from unmask.evaluation.adapters import LabelledSet, cresci2015, instafake
from unmask.evaluation.profile.common import design, metric_rows, train_then_test
from unmask.evaluation.rows import EvalRow

SUITE = "profile_cross_domain"
REQUIRES = (*cresci2015.FILES, *instafake.FILES)


def shared_features(a: LabelledSet, b: LabelledSet) -> tuple[str, ...]:
    theirs = set(b.features())
    return tuple(f for f in a.features() if f in theirs)


def run(data: Path) -> list[EvalRow]:
    sets = {"cresci2015": cresci2015.load(data), "instafake": instafake.load(data)}
    features = shared_features(sets["cresci2015"], sets["instafake"])
    rows: list[EvalRow] = []
    for train_name, test_name in (("cresci2015", "instafake"), ("instafake", "cresci2015")):
        x_tr, y_tr, names = design(sets[train_name], features)
        x_te, y_te, _ = design(sets[test_name], features)
        probs = train_then_test(x_tr, y_tr, x_te, names)
        rows.extend(metric_rows(SUITE, f"train {train_name}, test {test_name}", y_te, probs))
    return rows
