"""The learned combination: monotone, abstentions as missing values, fitted out of fold, scored
against the policy's weights, and the policy's weights (said so) when labels are too few."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from unmask.detectors import Detector
from unmask.engine.combine_train import load_combiner, out_of_fold_findings, train_combiner
from unmask.model import Evidence, Finding, Snapshot
from unmask.model.records import Account, Label
from unmask.scoring import LearnedCombiner, combine, load_policy, noisy_or, route_for
from unmask.scoring.learned import fit_combiner, too_few

POLICY = load_policy()


def _f(detector: str, subject: str, score: float | None) -> Finding:
    if score is None:
        return Finding(detector, "1", subject, None, reason="no data")
    return Finding(detector, "1", subject, score, (Evidence(f"{detector} {score:.2f}"),))


def _world(n: int, seed: int = 3) -> tuple[list[str], list[list[Finding]], list[bool]]:
    """'strong' separates the classes, 'noise' does not, 'often_missing' abstains on half."""
    rng = random.Random(seed)
    keys, rows, labels = [], [], []
    for i in range(n):
        fake = i % 3 == 0
        subject = f"a{i}"
        strong = min(1.0, max(0.0, rng.gauss(0.75 if fake else 0.3, 0.15)))
        noise = rng.random()
        missing = (
            None if rng.random() < 0.5 else min(1.0, max(0.0, rng.gauss(0.6 if fake else 0.4, 0.2)))
        )
        rows.append(
            [
                _f("strong", subject, strong),
                _f("noise", subject, noise),
                _f("often_missing", subject, missing),
            ]
        )
        keys.append(subject)
        labels.append(fake)
    return keys, rows, labels


def _baseline(fs: Sequence[Finding]) -> float:
    # a badly set policy: it trusts the useless detector most
    weights = {"strong": 0.2, "noise": 0.9, "often_missing": 0.5}
    survive = 1.0
    for f in fs:
        if f.score is not None:
            survive *= 1 - weights[f.detector] * f.score
    return 1 - survive


def test_learned_beats_a_badly_weighted_policy_out_of_fold() -> None:
    keys, rows, labels = _world(600)
    c = fit_combiner(keys, rows, labels, ["strong", "noise", "often_missing"], _baseline)
    assert c.cv["learned_roc_auc"] > c.cv["policy_roc_auc"] + 0.1
    assert c.cv["learned_brier"] < c.cv["policy_brier"]
    strong, noise, _ = c.weights
    assert strong > 5 * noise, c.weights


def test_weights_are_monotone_and_an_abstention_is_not_a_zero() -> None:
    keys, rows, labels = _world(600)
    flipped = [not v for v in labels]  # a world where 'strong' means genuine
    c = fit_combiner(keys, rows, flipped, ["strong", "noise", "often_missing"], _baseline)
    assert all(w >= 0 for w in c.weights), "a detector firing may never lower the risk"
    low = c.risk([_f("strong", "x", 0.0)])
    high = c.risk([_f("strong", "x", 1.0)])
    assert high >= low
    c2 = fit_combiner(keys, rows, labels, ["strong", "noise", "often_missing"], _baseline)
    absent = c2.risk([_f("strong", "x", 0.5), _f("often_missing", "x", None)])
    zero = c2.risk([_f("strong", "x", 0.5), _f("often_missing", "x", 0.0)])
    assert absent != pytest.approx(zero, abs=1e-3)


def test_round_trip_and_routing_stays_the_policys() -> None:
    keys, rows, labels = _world(300)
    c = fit_combiner(keys, rows, labels, ["strong", "noise", "often_missing"], _baseline)
    back = LearnedCombiner.from_json(c.to_json())
    assert back == c and back.version == c.version
    a = combine("a0", rows[0], POLICY, c)
    assert a.policy_version == f"{POLICY.version}+{c.version}"
    assert a.route == route_for(a.risk, POLICY)
    plain = combine("a0", rows[0], POLICY)
    assert plain.risk == noisy_or(rows[0], POLICY) and plain.policy_version == POLICY.version


def test_too_few_labels_keep_the_policys_weights_and_say_so(tmp_path: Path) -> None:
    assert too_few({"a": True, "b": False}, 200, 30)
    labels = {f"a{i}": i < 10 for i in range(300)}
    assert "10 fake" in (too_few(labels, 200, 30) or "")
    combiner, note = train_combiner(
        Snapshot(), labels, POLICY, tmp_path, [], lambda n: pytest.fail(n)
    )
    assert combiner is None and "policy's weights" in note
    assert load_combiner(tmp_path) is None


T0 = datetime(2026, 1, 1, tzinfo=UTC)


class LabelPeeker(Detector):
    """A detector that scores 1 for every account labelled fake in the snapshot it is given."""

    name: ClassVar[str] = "peeker"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"account", "label"})
    description: ClassVar[str] = "test only"

    def detect(self, snapshot: Snapshot, subjects: Sequence[str]) -> list[Finding]:
        fakes = {lb.account_id for lb in snapshot.labels if lb.label.value == "fake"}
        return [_f(self.name, s, 1.0 if s in fakes else 0.0) for s in subjects]


def test_out_of_fold_hides_each_folds_labels_from_detectors_that_read_labels() -> None:
    accounts = {f"a{i}": Account(id=f"a{i}", created_at=T0, name=f"Member {i}") for i in range(60)}
    labels = {a: int(a[1:]) % 2 == 0 for a in accounts}
    snapshot = Snapshot(
        accounts=accounts,
        labels=tuple(
            Label(account_id=a, label="fake" if v else "genuine", source="test", at=T0)
            for a, v in labels.items()
        ),
    )
    found = out_of_fold_findings(snapshot, labels, ["peeker"], lambda n: LabelPeeker(), 3)
    scores = np.asarray([found[a][0].score for a in sorted(labels)])
    assert set(scores) == {0.0}, "no account's score came from its own label"


class Oracle(Detector):
    """Scores 1 for fakes from a hidden answer key: no learned combination can out-rank it."""

    name: ClassVar[str] = "oracle"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"account"})
    description: ClassVar[str] = "test only"
    fakes: ClassVar[set[str]] = set()

    def detect(self, snapshot: Snapshot, subjects: Sequence[str]) -> list[Finding]:
        return [_f(self.name, s, 1.0 if s in self.fakes else 0.0) for s in subjects]


class Coin(Detector):
    name: ClassVar[str] = "coin"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"account"})
    description: ClassVar[str] = "test only"

    def detect(self, snapshot: Snapshot, subjects: Sequence[str]) -> list[Finding]:
        rng = random.Random(1)
        return [_f(self.name, s, rng.random()) for s in sorted(subjects)]


def test_a_combination_that_ranks_worse_than_the_weights_is_not_kept(tmp_path: Path) -> None:
    labels = {f"a{i}": i % 5 == 0 for i in range(300)}
    Oracle.fakes = {a for a, v in labels.items() if v}
    make = {"oracle": Oracle, "coin": Coin}
    policy = POLICY.model_copy(
        update={
            "combine": POLICY.combine.model_copy(update={"min_labels": 100, "min_per_class": 10}),
        }
    )
    combiner, note = train_combiner(
        Snapshot(), labels, policy, tmp_path, ["oracle", "coin"], lambda n: make[n]()
    )
    # the weights already rank perfectly (the oracle alone); learning can only tie or lose
    if combiner is None:
        assert "ranked worse" in note and load_combiner(tmp_path) is None
    else:
        assert combiner.cv["learned_roc_auc"] >= combiner.cv["policy_roc_auc"] - 0.005
        assert load_combiner(tmp_path) == combiner
