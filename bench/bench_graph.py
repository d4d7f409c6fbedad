"""Benchmark: trust propagation on a random heavy-tailed graph (synthetic; no quality figures).

    .venv/bin/python bench/bench_graph.py [--nodes 1000000] [--edges 10000000]

Prints and writes bench-results/graph.json: graph build, SybilRank and Íntegro-style (victim-
weighted) propagation times, the default (``auto_suspicion``: clustering gate, then the weighting
it picks), and peak memory (max RSS of this process).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from unmask.detectors.graph import default_iterations, edge_weights, propagate, sybilrank
from unmask.detectors.graph.auto import auto_suspicion
from unmask.detectors.graph.belief import embedded_trust, embedded_weights
from unmask.detectors.graph.stats import transitivity


def heavy_tailed_edges(n: int, m: int, rng: np.random.Generator) -> np.ndarray[Any, Any]:
    """Chung-Lu style: endpoints drawn in proportion to Pareto (tail exponent 2.5) weights."""
    weight = rng.pareto(1.5, n) + 1.0
    cdf = np.cumsum(weight)
    cdf /= cdf[-1]
    # Sorted queries keep searchsorted cache-friendly; the shuffle pairs endpoints at random.
    ends = np.searchsorted(cdf, np.sort(rng.random(2 * m))).astype(np.int32)
    ends = np.asarray(rng.permutation(ends), dtype=np.int32).reshape(m, 2)
    kept: np.ndarray[Any, Any] = ends[ends[:, 0] != ends[:, 1]]
    return kept


def build(n: int, edges: np.ndarray[Any, Any]) -> Any:
    """Symmetric 0/1 CSR, built directly: one sort of int64 keys, which also drops duplicates."""
    keys = np.concatenate(
        [
            edges[:, 0].astype(np.int64) * n + edges[:, 1],
            edges[:, 1].astype(np.int64) * n + edges[:, 0],
        ]
    )
    keys.sort()
    keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]
    rows = (keys // n).astype(np.int32)
    indices = (keys % n).astype(np.int32)
    del keys
    indptr = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    del rows
    data = np.ones(indices.size, dtype=np.float64)
    return sparse.csr_matrix((data, indices, indptr), shape=(n, n))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--edges", type=int, default=10_000_000)
    parser.add_argument("--out", type=Path, default=Path("bench-results/graph.json"))
    parser.add_argument(
        "--embedded",
        action="store_true",
        help="also time the embedded weighting (common neighbours: sum of degree^2 work)",
    )
    args = parser.parse_args()
    rng = np.random.default_rng(0)

    t0 = time.perf_counter()
    edges = heavy_tailed_edges(args.nodes, args.edges, rng)
    t1 = time.perf_counter()
    adj = build(args.nodes, edges)
    del edges
    t2 = time.perf_counter()
    seeds = rng.choice(args.nodes, 100, replace=False)
    trust = sybilrank(adj, seeds)
    t3 = time.perf_counter()
    victim = rng.beta(2.0, 5.0, args.nodes)
    weights = edge_weights(adj, victim_prob=victim)
    t4 = time.perf_counter()
    weighted = propagate(weights, seeds)
    t5 = time.perf_counter()
    deg = np.diff(adj.indptr)
    t_auto = time.perf_counter()
    clustering = transitivity(adj)
    t_gate = time.perf_counter()
    default, choice, _ = auto_suspicion(adj, seeds)
    t_default = time.perf_counter()
    embedded: dict[str, float] = {}
    if args.embedded:
        t6 = time.perf_counter()
        w_emb = embedded_weights(adj)
        t7 = time.perf_counter()
        emb = embedded_trust(adj, seeds, weights=w_emb)
        t8 = time.perf_counter()
        embedded = {
            "embedded_weights_s": round(t7 - t6, 3),
            "embedded_propagate_s": round(t8 - t7, 3),
            "embedded_checksum": float(emb.sum()),
        }
    result = {
        "benchmark": "graph trust propagation",
        "data": "synthetic heavy-tailed graph (Chung-Lu, Pareto tail 2.5, no duplicates)",
        "nodes": args.nodes,
        "edges_undirected": int(adj.nnz // 2),
        "max_degree": int(deg.max()),
        "iterations": default_iterations(args.nodes),
        "seeds": len(seeds),
        "generate_s": round(t1 - t0, 3),
        "build_csr_s": round(t2 - t1, 3),
        "sybilrank_s": round(t3 - t2, 3),
        "sybilrank_with_build_s": round(t3 - t1, 3),
        "integro_weights_s": round(t4 - t3, 3),
        "integro_propagate_s": round(t5 - t4, 3),
        "default_clustering_estimate": round(clustering, 4),
        "default_gate_s": round(t_gate - t_auto, 3),
        "default_weighting": choice.weighting,
        "default_total_s": round(t_default - t_gate, 3),
        **embedded,
        "sum_degree_squared": int((deg.astype(np.int64) ** 2).sum()),
        "peak_rss_mb": round(peak_mb(), 1),
        "checksum": [float(trust.sum()), float(weighted.sum()), float(default.sum())],
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "numpy": np.__version__,
        },
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
