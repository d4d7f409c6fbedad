"""Trust propagation on a CSR adjacency matrix: SybilRank and its edge-weighted generalisation.

Both are early-terminated power iterations: trust starts on the trusted seeds, flows along edges
in proportion to their weight for ``O(log n)`` steps (before it spreads evenly over the whole
graph), and is then divided by each node's (weighted) degree. A Sybil region joined to the honest
region by few (or lightly weighted) attack edges receives little trust in that time.

The adjacency must be symmetric with non-negative weights; a 0/1 matrix gives plain SybilRank
(Cao et al., NSDI 2012). A weighted one gives the Íntegro-style propagation (Boshmaf et al., NDSS
2015), where :mod:`unmask.detectors.graph.weights` builds the weights from platform signals.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def default_iterations(n: int) -> int:
    """SybilRank's early termination: ``ceil(log2 n)`` steps."""
    return max(1, math.ceil(math.log2(max(n, 2))))


def weighted_degree(adj: Any) -> FloatArray:
    return np.asarray(adj.sum(axis=1), dtype=np.float64).ravel()


def propagate(
    adj: Any,
    seeds: Sequence[int] | npt.NDArray[np.integer[Any]],
    iterations: int | None = None,
    by_degree: bool = False,
) -> FloatArray:
    """Degree-normalised trust after ``iterations`` steps from ``seeds`` (total trust 1).

    ``adj`` is a symmetric scipy sparse matrix (CSR preferred); entries are edge weights. Nodes
    with no edges keep trust 0. The result for node ``v`` is ``t(v) / deg_w(v)``. Seeds share
    the trust equally, or with ``by_degree`` in proportion to their (weighted) degree, so that
    every edge leaving the seed set carries the same trust at the first step: a seed with few
    connections that accepted a fake's request then does not hand the fake a large share.
    """
    n = int(adj.shape[0])
    seed_idx = np.unique(np.asarray(seeds, dtype=np.int64))
    if seed_idx.size == 0:
        raise ValueError("trust propagation needs at least one trusted seed")
    if seed_idx[0] < 0 or seed_idx[-1] >= n:
        raise ValueError("seed index out of range")
    steps = default_iterations(n) if iterations is None else iterations
    deg = weighted_degree(adj)
    inv = np.zeros(n, dtype=np.float64)
    np.divide(1.0, deg, out=inv, where=deg > 0)
    trust = np.zeros(n, dtype=np.float64)
    share = deg[seed_idx] if by_degree and deg[seed_idx].sum() > 0 else np.ones(seed_idx.size)
    trust[seed_idx] = share / share.sum()
    for _ in range(steps):
        trust = np.asarray(adj @ (trust * inv), dtype=np.float64)
    return trust * inv


def sybilrank(
    adj: Any, seeds: Sequence[int] | npt.NDArray[np.integer[Any]], iterations: int | None = None
) -> FloatArray:
    """Plain SybilRank: propagation on the unweighted graph (any stored weights are ignored)."""
    if adj.dtype == np.float64 and bool(np.all(adj.data == 1.0)):
        return propagate(adj, seeds, iterations)  # already 0/1: no copy
    binary = adj.copy()
    binary.data = np.ones_like(binary.data, dtype=np.float64)
    return propagate(binary, seeds, iterations)


def integro(
    adj: Any,
    seeds: Sequence[int] | npt.NDArray[np.integer[Any]],
    victim_prob: FloatArray | None = None,
    rejection: FloatArray | None = None,
    similarity: bool = False,
    iterations: int | None = None,
) -> FloatArray:
    """The stronger variant: propagation over edges weighted by platform signals.

    ``victim_prob`` (per node, from a classifier over non-graph features) lowers the weight of
    edges at likely victims, as Íntegro does; ``rejection`` (per node: the share of its sent
    invitations that were ignored) lowers edges of accounts whose requests discerning members
    ignore; ``similarity`` weighs each edge
    by its embeddedness (common neighbours). With none of them it is plain SybilRank.
    ``victim_prob`` alone is Íntegro's weighting.
    """
    from unmask.detectors.graph.weights import edge_weights

    weights = edge_weights(adj, victim_prob, rejection, similarity)
    return propagate(weights, seeds, iterations)


def rank_scores(trust: FloatArray, mask: npt.NDArray[np.bool_] | None = None) -> FloatArray:
    """Scores in [0, 1]: the share of (masked) nodes with strictly more trust (ties share one)."""
    values = trust if mask is None else trust[mask]
    ordered = np.sort(values)
    m = ordered.size
    if m == 0:
        return np.zeros_like(trust)
    higher = m - np.searchsorted(ordered, trust, side="right")
    return np.asarray(higher / m, dtype=np.float64)


def local_rule(
    adj: Any,
    prior: FloatArray,
    homophily: float = 0.9,
    iterations: int | None = None,
) -> FloatArray:
    """SybilSCAR-style local rule on residuals: ``q <- prior + homophily * P q``.

    ``P`` is the row-normalised (weighted) adjacency, so each node adds the weighted mean of its
    neighbours' residual scores to its own prior. Negative residuals mean benign (trusted seeds),
    positive mean suspicious. Started from the prior, ``iterations`` defaults to ``ceil(log2 n)``.
    """
    n = int(adj.shape[0])
    steps = default_iterations(n) if iterations is None else iterations
    deg = weighted_degree(adj)
    inv = np.zeros(n, dtype=np.float64)
    np.divide(1.0, deg, out=inv, where=deg > 0)
    p = np.asarray(prior, dtype=np.float64)
    q = p.copy()
    for _ in range(steps):
        q = p + homophily * inv * np.asarray(adj @ q, dtype=np.float64)
    return q


def propagate_absorbing(
    adj: Any,
    seeds: Sequence[int] | npt.NDArray[np.integer[Any]],
    passing: FloatArray,
    iterations: int | None = None,
) -> FloatArray:
    """Like :func:`propagate`, but node ``v`` passes on only ``passing[v]`` of the trust it holds.

    Suspicious nodes (``passing`` < 1) absorb trust instead of handing it on: a whole region whose
    members are suspicious then receives little trust however it is wired inside, which edge
    weights alone cannot achieve (a region whose edges are all scaled keeps its degree-normalised
    trust). Seeds always pass trust on.
    """
    n = int(adj.shape[0])
    seed_idx = np.unique(np.asarray(seeds, dtype=np.int64))
    if seed_idx.size == 0:
        raise ValueError("trust propagation needs at least one trusted seed")
    steps = default_iterations(n) if iterations is None else iterations
    deg = weighted_degree(adj)
    inv = np.zeros(n, dtype=np.float64)
    np.divide(1.0, deg, out=inv, where=deg > 0)
    keep = np.clip(np.asarray(passing, dtype=np.float64), 0.0, 1.0).copy()
    keep[seed_idx] = 1.0
    trust = np.zeros(n, dtype=np.float64)
    trust[seed_idx] = 1.0 / seed_idx.size
    for _ in range(steps):
        trust = np.asarray(adj @ (trust * inv * keep), dtype=np.float64)
    return trust * inv
