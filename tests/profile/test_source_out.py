"""The shared source-out helpers (``unmask.evaluation.source_out``): naming, pairs, nesting."""

from __future__ import annotations

import numpy as np
import pytest

from unmask.evaluation.rows import EvalRow
from unmask.evaluation.source_out import (
    gradient_boosting_reference,
    inner_splits,
    is_source_out,
    leave_one_out,
    pairs,
    select,
    source_out_first,
    split_name,
)


def test_split_names() -> None:
    assert split_name("cresci2015", "instafake") == "source-out: train cresci2015, test instafake"
    assert split_name(("a", "b"), "c") == "source-out: train a+b, test c"
    assert is_source_out(split_name("a", "b")) and not is_source_out("5-fold stratified")
    with pytest.raises(ValueError, match="other than the test"):
        split_name(("a", "b"), "a")


def test_pairs_and_leave_one_out() -> None:
    assert pairs(["a", "b", "c"]) == [
        ("a", "b"),
        ("a", "c"),
        ("b", "a"),
        ("b", "c"),
        ("c", "a"),
        ("c", "b"),
    ]
    assert leave_one_out(["a", "b", "c"]) == [
        (("b", "c"), "a"),
        (("a", "c"), "b"),
        (("a", "b"), "c"),
    ]


def test_source_out_rows_come_first() -> None:
    rows = [
        EvalRow("d", "s", "5-fold", "roc_auc", 0.9, 10),
        EvalRow("d", "s", split_name("a", "b"), "roc_auc", 0.8, 10),
        EvalRow("e", "t", "whole", "roc_auc", 0.7, 10),
        EvalRow("e", "t", split_name("b", "a"), "roc_auc", 0.6, 10),
    ]
    ordered = source_out_first(rows)
    assert [r.value for r in ordered] == [0.8, 0.6, 0.9, 0.7]
    assert [r["value"] for r in source_out_first([r.as_dict() for r in rows])] == [
        0.8,
        0.6,
        0.9,
        0.7,
    ]


def test_inner_splits_leave_a_training_source_out() -> None:
    y = np.array([0, 1, 0, 1, 0, 1, 1, 1])
    groups = ["a", "a", "b", "b", "c", "c", "d", "d"]  # d has one class only: not a fold
    splits = inner_splits(y, groups)
    assert len(splits) == 3
    for tr, va in splits:
        assert len({groups[i] for i in va}) == 1
        assert not {groups[i] for i in va} & {groups[i] for i in tr}


def test_inner_splits_fall_back_to_stratified_folds() -> None:
    y = np.array([0] * 9 + [1] * 6)
    splits = inner_splits(y, ["a"] * 15)
    assert len(splits) == 3
    assert sorted(np.concatenate([va for _, va in splits]).tolist()) == list(range(15))
    assert inner_splits(np.array([0, 0, 0, 1])) == []


def test_select_sees_only_training_indices_and_picks_the_best() -> None:
    y = np.array([0, 1] * 10)
    seen: set[int] = set()

    def score(c: int, tr: np.ndarray, va: np.ndarray) -> float:
        seen.update(tr.tolist(), va.tolist())
        return -abs(c - 2)

    assert select([0, 1, 2, 3], score, y) == 2
    assert seen <= set(range(len(y)))
    assert select([5], score, y) == 5  # one candidate: no inner fits needed


def test_gradient_boosting_reference_ranks() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 0] + 0.3 * rng.normal(size=400) > 0).astype(np.int_)
    s = gradient_boosting_reference(x[:300], y[:300], x[300:])
    from sklearn.metrics import roc_auc_score

    assert s.shape == (100,) and roc_auc_score(y[300:], s) > 0.9
