"""Graph statistics, computed on the graph at hand (never from labels), that choose the weighting.

``transitivity`` estimates the global clustering coefficient (the share of paths ``u - v - w``
whose ends are also connected) by sampling wedges: a centre with probability proportional to its
number of wedges, then two distinct neighbours, then a binary search for the closing edge. The
cost is ``samples × log(max degree)`` whatever the graph's size, and the result is deterministic
for a given ``seed``; the standard error is below ``0.5 / sqrt(samples)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

SAMPLES = 20_000


def _contains(adj: Any, rows: npt.NDArray[np.int64], cols: npt.NDArray[np.int64]) -> Any:
    """Whether ``adj[rows[i], cols[i]]`` is stored, by a vectorised binary search in each row."""
    lo = adj.indptr[rows].astype(np.int64)
    hi = adj.indptr[rows + 1].astype(np.int64)
    indices = adj.indices
    while True:
        open_ = lo < hi
        if not open_.any():
            break
        mid = (lo + hi) // 2
        below = np.zeros(lo.size, dtype=bool)
        below[open_] = indices[mid[open_]] < cols[open_]
        lo = np.where(open_ & below, mid + 1, lo)
        hi = np.where(open_ & ~below, mid, hi)
    found = lo < adj.indptr[rows + 1]
    found[found] = indices[lo[found]] == cols[found]
    return found


def transitivity(adj: Any, samples: int = SAMPLES, seed: int = 0) -> float:
    """Estimated global clustering coefficient of the symmetric CSR ``adj`` (0 without wedges)."""
    from scipy import sparse

    graph = sparse.csr_matrix(adj)
    if not graph.has_sorted_indices:
        graph = graph.sorted_indices()
    deg = np.diff(graph.indptr).astype(np.int64)
    wedges = deg * (deg - 1) / 2.0
    cdf = np.cumsum(wedges)
    if cdf.size == 0 or cdf[-1] <= 0:
        return 0.0
    rng = np.random.default_rng(seed)
    centre = np.searchsorted(cdf, rng.random(samples) * cdf[-1], side="right")
    centre = np.minimum(centre, deg.size - 1).astype(np.int64)
    d = deg[centre]
    first = rng.integers(0, d)
    second = rng.integers(0, d - 1)
    second = second + (second >= first)
    start = graph.indptr[centre].astype(np.int64)
    u = graph.indices[start + first].astype(np.int64)
    w = graph.indices[start + second].astype(np.int64)
    return float(_contains(graph, u, w).mean())
