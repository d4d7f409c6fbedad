"""The network_sim suite: registered, and its rows on a small simulated network (synthetic)."""

from __future__ import annotations

from pathlib import Path

from unmask.evaluation import network_sim
from unmask.plugins import load_plugins

SUITE_MODULES = [m.__name__ for m in load_plugins().suites]


def test_recovery_counts_campaigns_found_whole() -> None:
    planted = [
        {"personas": ["a", "b"], "supporters": ["c"]},
        {"personas": ["d"], "supporters": ["e"]},
        {"personas": ["f"], "supporters": []},  # one account: nothing to link, not counted
    ]
    assert network_sim.recovery(planted, [["a", "b", "c", "x"], ["d"]]) == (1, 2)


def test_suite_rows_on_a_small_network(tmp_path: Path) -> None:
    assert "unmask.evaluation.network_sim" in SUITE_MODULES
    rows = network_sim.run(tmp_path, members=1_000, seed=5)
    metrics = {(r.detector, r.metric) for r in rows}
    for name in ("registration_cluster", "outreach", "employer_claims", "combined"):
        assert (name, "roc_auc") in metrics and (name, "precision_at_k") in metrics
    assert ("campaigns", "campaign_recovery") in metrics
    assert all("synthetic" in r.split for r in rows)
    combined = next(r for r in rows if r.detector == "combined" and r.metric == "roc_auc")
    assert combined.value > 0.5
