"""``network_sim``: the network detectors and campaign linking on a simulated network.

SYNTHETIC: the simulator (unmask.sim) plants campaigns modelled on public cases and benign
look-alikes; these figures show the plumbing works end to end and how the detectors rank on data
whose generator we wrote. They say nothing about real-world quality. The weights were set by
looking at a different seed and size (5,000 members, seed 7) than the one measured here.

Rows: ROC AUC and precision among the top 1,000 per network detector and for their policy
combination; campaign recovery = the share of planted campaigns with two or more fake accounts
whose fake accounts all fall into one recovered campaign.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from unmask.evaluation.rows import EvalRow, binary_metrics

SUITE = "network_sim"
REQUIRES: tuple[str, ...] = ()
MEMBERS = 20_000
SEED = 2026
TOP_K = 1_000


def _precision_at(y: np.ndarray, s: np.ndarray, k: int) -> float:
    order = np.lexsort((np.arange(len(s)), -s))[:k]
    return float(y[order].mean())


def recovery(planted: Sequence[dict[str, Any]], found: Sequence[Sequence[str]]) -> tuple[int, int]:
    """(planted campaigns found whole, planted campaigns with at least two fake accounts)."""
    groups = [set(g) for g in found]
    whole = total = 0
    for camp in planted:
        fakes = set(camp["personas"]) | set(camp["supporters"])
        if len(fakes) < 2:
            continue
        total += 1
        whole += any(fakes <= g for g in groups)
    return whole, total


def run(data: Path, members: int = MEMBERS, seed: int = SEED) -> list[EvalRow]:
    del data  # simulates its own network
    from unmask.detectors.employer_claims import EmployerClaims
    from unmask.detectors.network.runner import Features, compute
    from unmask.detectors.network.tables import RAW_COLUMNS
    from unmask.detectors.outreach import Outreach
    from unmask.detectors.registration_cluster import RegistrationCluster
    from unmask.engine.campaigns import build_campaigns
    from unmask.engine.runners import DuckEngine, raw_file
    from unmask.engine.scan import assess
    from unmask.scoring import load_policy
    from unmask.sim import simulate

    split = f"synthetic {members} members seed {seed}"
    with tempfile.TemporaryDirectory(prefix="unmask-netsim-") as tmp:
        folder = Path(tmp)
        simulate(members, seed, folder)
        labels = {}
        for line in (folder / "labels.jsonl").read_text().splitlines():
            row = json.loads(line)
            labels[row["account_id"]] = row["label"] == "fake"
        planted = json.loads((folder / "campaigns.json").read_text())
        runner = DuckEngine()
        try:
            for kind in RAW_COLUMNS:
                runner.read_raw(kind, raw_file(folder, kind))
            sql = "SELECT MAX(unix_timestamp(CAST(created_at AS TIMESTAMP))) AS t FROM account"
            as_of = int(runner.fetch(sql)[0]["t"])
            compute(runner, as_of)
            features = Features(runner, as_of)
            subjects = [str(r["id"]) for r in features.rows("acct", "id")]
            network = (RegistrationCluster(), Outreach(), EmployerClaims())
            findings = [f for det in network for f in det.detect_batch(features, subjects)]
            policy = load_policy()
            result = assess(findings, policy)
            flagged = [a.subject for a in result if a.route != "none"]
            risk = {a.subject: a.risk for a in result}
            campaigns = build_campaigns(runner, flagged, risk, policy)
        finally:
            runner.close()
    y = np.array([labels[s] for s in subjects], dtype=int)
    rows: list[EvalRow] = []
    scores: dict[str, dict[str, float]] = {d.name: {} for d in network}
    for f in findings:
        scores[f.detector][f.subject] = f.score if f.score is not None else 0.0
    scores["combined"] = risk
    for name, by_subject in scores.items():
        s = np.array([by_subject.get(x, 0.0) for x in subjects])
        rows += binary_metrics(name, SUITE, split, y.tolist(), s.tolist(), probabilities=False)
        for k in (TOP_K, int(y.sum())):  # the top 1,000, and as many as there are fakes
            rows.append(EvalRow(name, SUITE, split, "precision_at_k", _precision_at(y, s, k), k))
    whole, total = recovery(planted, [c.members for c in campaigns])
    rows.append(
        EvalRow("campaigns", SUITE, split, "campaign_recovery", whole / max(total, 1), total)
    )
    flagged_fake = sum(labels[a] for a in flagged)
    rows.append(
        EvalRow("combined", SUITE, split, "recall", flagged_fake / max(int(y.sum()), 1), len(y))
    )
    return rows
