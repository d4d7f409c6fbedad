"""The development-seed runs that chose the default ``trust_propagation`` (never reported seeds).

    .venv/bin/python bench/choose_trust_weighting.py [--data ../shared/data] [--quick]

Part 1 (the gate): on every real graph, SybilRank against the embeddedness weights at several
powers, and the clustering of each scenario graph, on seeds 100-102. Part 2 (the clustered graph):
the candidate variants on ego-Facebook, seeds 100-111 at 100 / 1,000 / 5,000 attack edges and
112-131 at 100 / 1,000, with the rule "best mean AUC among variants never more than 0.01 below
SybilRank on any seed". Part 3: distrust combinations with 10 known fakes, seeds 100-102.
``--quick`` runs one seed per part (a smoke test, not the choice). Writes
bench-results/choose-trust-weighting.json. Synthetic Sybils in real graphs: see
docs/trust-propagation.md.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import roc_auc_score

from unmask.detectors.graph import default_iterations, sybilrank
from unmask.detectors.graph.belief import EPS, embedded_trust, embedded_weights
from unmask.detectors.graph.stats import transitivity
from unmask.evaluation import data_dir
from unmask.evaluation.graph_scenarios import (
    GRAPHS,
    inject,
    known_fakes,
    load_graph,
    trusted_seeds,
)
from unmask.evaluation.sybil_shapes import SHAPES

Variant = Callable[[Any, Any, Any], Any]


def weighted(power: float, mult: int, by_degree: bool) -> Variant:
    def run(adj: Any, seeds: Any, w: Any) -> Any:
        steps = default_iterations(adj.shape[0]) * mult
        t = embedded_trust(adj, seeds, iterations=steps, weights=w[power], by_degree=by_degree)
        return -np.log(t + EPS)

    return run


VARIANTS: dict[str, tuple[float, int, bool]] = {
    f"p{p:g}x{m}{'d' if d else ''}": (p, m, d)
    for p in (0.5, 1.0, 2.0)
    for m in (1, 2, 3)
    for d in (False, True)
}


def scenarios(graph: str, data: Path, seeds: range, ks: tuple[int, ...]) -> Any:
    honest = load_graph(data / GRAPHS[graph])
    for shape in SHAPES:
        for k in ks:
            for seed in seeds:
                sc = inject(honest, shape, k, seed)
                yield shape, k, seed, sc, trusted_seeds(sc, seed)


def weights(adj: Any, powers: tuple[float, ...]) -> dict[float, Any]:
    """``(1 + common neighbours)^p`` for each power, counting common neighbours once."""
    base = embedded_weights(adj, power=1.0, degree_cap=1000)  # 1 + cn, in storage order
    out = {}
    for p in powers:
        w = base.copy()
        w.data = base.data**p
        out[p] = w
    return out


def auc(sc: Any, exclude: Any, score: Any) -> float:
    mask = np.ones(sc.is_sybil.size, dtype=bool)
    mask[exclude] = False
    return float(roc_auc_score(sc.is_sybil[mask], score[mask]))


def variants_on(graph: str, data: Path, seeds: range, ks: tuple[int, ...]) -> list[dict[str, Any]]:
    out = []
    for shape, k, seed, sc, tr in scenarios(graph, data, seeds, ks):
        w = weights(sc.adj, (0.5, 1.0, 2.0))
        row: dict[str, Any] = {"graph": graph, "shape": shape, "k": k, "seed": seed}
        row["clustering"] = transitivity(sc.adj)
        row["sybilrank"] = auc(sc, tr, -sybilrank(sc.adj, tr))
        for name, (p, m, d) in VARIANTS.items():
            row[name] = auc(sc, tr, weighted(p, m, d)(sc.adj, tr, w))
        out.append(row)
        print(json.dumps(row), flush=True)
    return out


def distrust_on(graph: str, data: Path, seeds: range, power: float) -> list[dict[str, Any]]:
    out = []
    for shape, k, seed, sc, tr in scenarios(graph, data, seeds, (100, 1000, 5000)):
        fakes = known_fakes(sc, 10, seed)
        w = embedded_weights(sc.adj, power=power, degree_cap=1000)
        vol = float(sc.adj.nnz)
        t = embedded_trust(sc.adj, tr, weights=w) * vol
        d = embedded_trust(sc.adj, fakes, weights=w) * vol
        lt = np.log(t + EPS)
        combos = {
            "none": -lt,
            "ratio": np.log(d + EPS) - lt,
            "half": 0.5 * np.log(d + EPS) - lt,
            "boost1": -lt + np.log(np.maximum(1.0, d)),
            "boost4": -lt + np.log(np.maximum(1.0, d / 4)),
            "soft": -lt + np.log1p(d),
        }
        row: dict[str, Any] = {"graph": graph, "shape": shape, "k": k, "seed": seed}
        row.update({n: auc(sc, np.r_[tr, fakes], s) for n, s in combos.items()})
        out.append(row)
        print(json.dumps(row), flush=True)
    return out


def rule(rows: list[dict[str, Any]], names: list[str], floor: float = -0.01) -> str:
    """Best mean AUC among the variants never more than ``-floor`` below SybilRank on a seed."""
    ok = [n for n in names if min(r[n] - r["sybilrank"] for r in rows) >= floor]
    return max(ok, key=lambda n: float(np.mean([r[n] for r in rows]))) if ok else "sybilrank"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--out", type=Path, default=Path("bench-results/choose-trust-weighting.json")
    )
    args = parser.parse_args()
    data = data_dir(args.data)
    dev = range(100, 101) if args.quick else range(100, 103)
    gate = [r for g in GRAPHS for r in variants_on(g, data, dev, (100, 1000, 5000))]
    more = range(112, 113) if args.quick else range(112, 132)
    full = range(100, 101) if args.quick else range(100, 112)
    clustered = variants_on("facebook", data, full, (100, 1000, 5000))
    clustered += variants_on("facebook", data, more, (100, 1000))
    names = list(VARIANTS)
    distrust = distrust_on("facebook", data, dev, 2.0)
    for g in ("github", "twitch", "wikipedia"):
        distrust += distrust_on(g, data, dev, 0.0)
    summary = {
        "gate_clustering": {
            g: [
                min(r["clustering"] for r in gate if r["graph"] == g),
                max(r["clustering"] for r in gate if r["graph"] == g),
            ]
            for g in GRAPHS
        },
        "gate_choice_per_graph": {
            g: rule([r for r in gate if r["graph"] == g], names) for g in GRAPHS
        },
        "clustered_choice": rule(clustered, names),
        "clustered_means": {
            n: float(np.mean([r[n] for r in clustered])) for n in ["sybilrank", *names]
        },
        "clustered_worst_margin": {
            n: float(min(r[n] - r["sybilrank"] for r in clustered)) for n in names
        },
    }
    print(json.dumps(summary, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {"summary": summary, "gate": gate, "clustered": clustered, "distrust": distrust},
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
