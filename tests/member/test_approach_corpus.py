"""Floors for the checker on the hand-written development corpus (tests/data/approach_corpus).

The figures are in docs/member-side.md; these floors sit a little below them so that a change to
the catalogue or the checker that loses ground fails here."""

from __future__ import annotations

from collections import Counter

import pytest

from unmask.evaluation.approach_corpus import evaluate, load_corpus


@pytest.fixture(scope="module")
def figures() -> dict[str, object]:
    return evaluate()


def test_corpus_shape() -> None:
    cases = load_corpus()
    labels = Counter(c.hostile for c in cases)
    assert labels[True] >= 80 and labels[False] >= 80
    scenarios = {(c.hostile, c.scenario) for c in cases}
    assert sum(h for h, _ in scenarios) >= 8 and sum(not h for h, _ in scenarios) >= 8
    assert len({c.id for c in cases}) == len(cases)
    assert all(c.messages and c.profile.get("name") for c in cases)


def test_every_level_above_low_has_a_reason(figures: dict[str, object]) -> None:
    assert figures["above_low_without_reason"] == 0


def test_checker_floors_on_the_whole_corpus(figures: dict[str, object]) -> None:
    fixed = figures["fixed"]
    assert isinstance(fixed, dict)
    hostile, genuine = fixed["all hostile"], fixed["all genuine"]
    assert hostile["high"] >= 72 and hostile["low"] <= 19
    assert genuine["high"] <= 8 and genuine["high"] + genuine["medium"] <= 11


def test_grouped_cv_floors(figures: dict[str, object]) -> None:
    cv = figures["grouped_cv"]
    assert isinstance(cv, dict)
    hostile, genuine = cv["all hostile"], cv["all genuine"]
    assert hostile["high"] + hostile["medium"] >= 75
    assert genuine["high"] <= 2 and genuine["medium"] <= 11
