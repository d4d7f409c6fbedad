"""Source-out evaluation helpers shared by every detector's suites (issue 11).

A source-out figure trains on one source (or several pooled) and tests on another the model never
saw; it is the headline, in-source cross-validation comes second. What is here:

- ``split_name(train, test)`` names a row's split ``"source-out: train A, test B"`` (several
  training sources are joined with ``+``); ``is_source_out(split)`` recognises one, and
  ``source_out_first(rows)`` orders rows with every source-out row first (stable otherwise).
- ``pairs(sources)``: every ordered (train, test) pair; ``leave_one_out(sources)``: for each
  source, the others pooled as training.
- ``inner_splits(y, groups)`` and ``select(candidates, score, y, groups)``: nested selection on the
  training side only: leave-one-training-source-out when the training data has several sources,
  stratified k-fold within it otherwise. ``select`` returns the candidate with the best mean inner
  score (ties: the first, so list the simplest candidate first).
- ``gradient_boosting_reference(x_train, y_train, x_test)``: the plain reference (scikit-learn's
  ``HistGradientBoostingClassifier`` with its defaults, seed 0) trained on the same features; its
  rows use ``GB_REFERENCE`` as the detector name, with the same suite and split.

Nothing here reads data or knows a detector: suites pass arrays and callables.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

SPLIT_PREFIX = "source-out"
GB_REFERENCE = "gradient_boosting_reference"
INNER_FOLDS = 3
SEED = 0

C = TypeVar("C")


R = TypeVar("R")


def split_name(train: str | Sequence[str], test: str) -> str:
    """``"source-out: train cresci2015, test instafake"``; pooled sources are joined with ``+``."""
    names = [train] if isinstance(train, str) else list(train)
    if not names or test in names:
        raise ValueError(f"source-out needs training sources other than the test one ({test!r})")
    return f"{SPLIT_PREFIX}: train {'+'.join(names)}, test {test}"


def is_source_out(split: str) -> bool:
    return split.startswith(SPLIT_PREFIX)


def _split_of(row: Any) -> str:
    return str(row["split"] if isinstance(row, dict) else row.split)


def source_out_first(rows: Iterable[R]) -> list[R]:
    """Source-out rows first, then the rest, each group in its original order.

    Rows are ``EvalRow`` objects or their ``as_dict()`` form.
    """
    items = list(rows)
    head = [r for r in items if is_source_out(_split_of(r))]
    return head + [r for r in items if not is_source_out(_split_of(r))]


def pairs(sources: Sequence[str]) -> list[tuple[str, str]]:
    """Every ordered (train, test) pair of distinct sources."""
    return list(itertools.permutations(sources, 2))


def leave_one_out(sources: Sequence[str]) -> list[tuple[tuple[str, ...], str]]:
    """For each source, (all the other sources, that source)."""
    return [(tuple(s for s in sources if s != test), test) for test in sources]


def inner_splits(
    y: NDArray[np.int_], groups: Sequence[str] | None = None, folds: int = INNER_FOLDS
) -> list[tuple[NDArray[np.int_], NDArray[np.int_]]]:
    """Train/validation index pairs inside the training data only.

    With two or more groups (training sources) that each hold both classes: leave one group out.
    Otherwise: stratified ``folds``-fold (fewer when a class is too small; none below 2 per class).
    """
    y = np.asarray(y)
    if groups is not None:
        g = np.asarray(groups)
        usable = [k for k in dict.fromkeys(g.tolist()) if len(set(y[g == k].tolist())) == 2]
        if len(usable) >= 2:
            idx = np.arange(len(y))
            return [(idx[g != k], idx[g == k]) for k in usable]
    k = min(folds, int(min(y.sum(), len(y) - y.sum())))
    if k < 2:
        return []
    from sklearn.model_selection import StratifiedKFold

    skf = StratifiedKFold(k, shuffle=True, random_state=SEED)
    return [(tr, va) for tr, va in skf.split(np.zeros(len(y)), y)]


def select(
    candidates: Sequence[C],
    score: Callable[[C, NDArray[np.int_], NDArray[np.int_]], float],
    y: NDArray[np.int_],
    groups: Sequence[str] | None = None,
) -> C:
    """The candidate with the best mean ``score(candidate, train_idx, valid_idx)`` on inner splits.

    Only indices into the training data are ever passed: the reported test set is never seen.
    With no usable inner split, the first candidate (the default) is returned.
    """
    if not candidates:
        raise ValueError("select needs at least one candidate")
    splits = inner_splits(y, groups)
    if len(candidates) == 1 or not splits:
        return candidates[0]
    means = [float(np.mean([score(c, tr, va) for tr, va in splits])) for c in candidates]
    return candidates[int(np.argmax(means))]


def gradient_boosting_reference(
    x_train: NDArray[np.float64], y_train: NDArray[np.int_], x_test: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Scores on ``x_test`` of a plain gradient-boosting model (library defaults, seed 0)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(random_state=SEED).fit(x_train, y_train)
    return np.asarray(model.predict_proba(x_test)[:, 1], dtype=np.float64)
