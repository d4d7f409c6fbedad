"""The facebook_sybil suite on the real SNAP graph: a fast subset of the measured settings."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from unmask.evaluation.facebook_sybil import SUITE, measure, rows_of
from unmask.evaluation.sybil_sim import inject, load_edge_list
from unmask.plugins import load_plugins

SUITE_MODULES = [m.__name__ for m in load_plugins().suites]


def test_injection_adds_the_requested_sybil_region(eval_data: Path) -> None:
    honest = load_edge_list(eval_data / "graphs/facebook_combined.txt")
    assert int(honest.max()) + 1 == 4039 and len(honest) == 88234
    scenario = inject(honest, 1000, seed=0)
    assert scenario.attack_edges == 1000 and int(scenario.is_sybil.sum()) == 1000
    sybil = np.flatnonzero(scenario.is_sybil)
    honest_idx = np.flatnonzero(~scenario.is_sybil)
    assert scenario.adj[honest_idx][:, sybil].nnz == 1000
    assert not scenario.verified[sybil].any()


def test_measured_auc_at_a_few_settings(eval_data: Path) -> None:
    methods = [
        "trust_propagation.sybilrank",
        "trust_propagation.integro",
        "trust_propagation.embedded",
    ]
    got = {
        (m.detector, m.attack_edges): m.mean
        for m in measure(
            eval_data,
            attack_edges=(100, 1000),
            seeds=(0, 1),
            splits=("random_seeds",),
            methods=methods,
        )
    }
    # Measured (simulation seeds 0 and 1): SybilRank 0.999 / 0.931, Íntegro-style 0.999 / 0.957.
    assert got[("trust_propagation.sybilrank", 100)] > 0.99
    assert 0.88 < got[("trust_propagation.sybilrank", 1000)] < 0.97
    assert got[("trust_propagation.integro", 1000)] > got[("trust_propagation.sybilrank", 1000)]
    assert got[("trust_propagation.embedded", 1000)] > got[("trust_propagation.integro", 1000)]


def test_rows_and_registration() -> None:
    assert "unmask.evaluation.facebook_sybil" in SUITE_MODULES
    assert SUITE == "facebook_sybil"
    assert rows_of([]) == []
