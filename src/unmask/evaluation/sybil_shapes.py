"""Sybil regions of several shapes, to inject into a real honest graph (synthetic by design).

No shape is tuned to one host graph: ``copy`` takes its structure from the host itself, the others
are fixed generators whose density does not depend on which graph they are injected into.

- ``copy``: the induced subgraph of a breadth-first ball around a random member of the host graph,
  relabelled: a Sybil region exactly as clustered as the real one (an attacker who copies a real
  community's wiring).
- ``sparse``: an Erdős–Rényi region of mean degree 6 (few triangles, cheap to build).
- ``scale_free``: Barabási–Albert preferential attachment, 4 edges per new account (mean degree
  about 8, a few hubs).
- ``cliques``: many small regions, each a clique of 10 to 30 accounts; attack edges are spread
  over them (each small campaign has its own few victims).

Every generator returns ``(edges, region)``: an (m, 2) array of internal edges over ``0..n-1`` and
each Sybil's region id (0 for single-region shapes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

Edges = npt.NDArray[np.int64]
Regions = npt.NDArray[np.int64]
Shape = Callable[[int, Any, np.random.Generator], tuple[Edges, Regions]]

SPARSE_DEGREE = 6.0
BA_EDGES = 4
CLIQUE_SIZES = (10, 30)


def _dedupe(pairs: Edges) -> Edges:
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return np.asarray(np.unique(np.sort(pairs, axis=1), axis=0), dtype=np.int64)


def copy_region(n: int, honest: Any, rng: np.random.Generator) -> tuple[Edges, Regions]:
    """The induced subgraph of the first ``n`` members reached breadth-first from a random one."""
    from scipy.sparse.csgraph import breadth_first_order

    size = int(honest.shape[0])
    order: list[int] = []
    seen = np.zeros(size, dtype=bool)
    while len(order) < n:  # a small component may end the walk early: start again elsewhere
        start = int(rng.choice(np.flatnonzero(~seen)))
        reached = breadth_first_order(honest, start, directed=False, return_predecessors=False)
        fresh = [int(v) for v in reached if not seen[v]]
        seen[fresh] = True
        order.extend(fresh[: n - len(order)])
    members = np.asarray(order, dtype=np.int64)
    sub = honest[members][:, members].tocoo()
    keep = sub.row < sub.col
    edges = np.column_stack([sub.row[keep], sub.col[keep]]).astype(np.int64)
    return edges, np.zeros(n, dtype=np.int64)


def sparse_region(n: int, _: Any, rng: np.random.Generator) -> tuple[Edges, Regions]:
    m = round(n * SPARSE_DEGREE / 2)
    pairs = rng.integers(0, n, size=(int(m * 1.1) + 8, 2))
    edges = _dedupe(pairs)
    return np.asarray(rng.permutation(edges)[:m], dtype=np.int64), np.zeros(n, dtype=np.int64)


def scale_free_region(n: int, _: Any, rng: np.random.Generator) -> tuple[Edges, Regions]:
    """Barabási–Albert: each new account links to ``BA_EDGES`` earlier ones chosen by degree."""
    m = BA_EDGES
    ends: list[int] = list(range(m + 1)) * m  # a small clique-ish core to start from
    edges = [(i, j) for i in range(m + 1) for j in range(i + 1, m + 1)]
    for v in range(m + 1, n):
        targets: set[int] = set()
        while len(targets) < m:
            targets.add(ends[int(rng.integers(0, len(ends)))])
        for t in targets:
            edges.append((t, v))
            ends.extend((t, v))
    return _dedupe(np.asarray(edges, dtype=np.int64)), np.zeros(n, dtype=np.int64)


def clique_regions(n: int, _: Any, rng: np.random.Generator) -> tuple[Edges, Regions]:
    low, high = CLIQUE_SIZES
    sizes: list[int] = []
    while sum(sizes) < n:
        sizes.append(min(int(rng.integers(low, high + 1)), n - sum(sizes)))
    region = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    parts: list[Edges] = []
    start = 0
    for s in sizes:
        i, j = np.triu_indices(s, 1)
        parts.append(np.column_stack([i + start, j + start]).astype(np.int64))
        start += s
    return np.vstack(parts), region


SHAPES: dict[str, Shape] = {
    "copy": copy_region,
    "sparse": sparse_region,
    "scale_free": scale_free_region,
    "cliques": clique_regions,
}
