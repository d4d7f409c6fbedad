"""Edge weights from what a platform knows, for the weighted (Íntegro-style) propagation.

Each factor is in (0, 1] or, for embeddedness, at least 1; the final weight is their product.
Weights only need to be comparable: propagation divides by weighted degree.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

#: Weight kept by an edge whose factor would be 0 (a weight of 0 would disconnect the node).
FLOOR = 0.01


def _endpoints(adj: Any) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    rows = np.repeat(np.arange(adj.shape[0], dtype=np.int64), np.diff(adj.indptr))
    return rows, adj.indices.astype(np.int64)


def common_neighbours(adj: Any, block: int = 4096, degree_cap: int | None = None) -> FloatArray:
    """For each stored edge of the CSR ``adj`` (in storage order), its number of common neighbours.

    Computed row block by row block as ``(A[rows] @ A) ∘ A[rows]`` to bound memory; the work is
    the sum of squared degrees of the nodes counted as common neighbours. With ``degree_cap``,
    only nodes of degree at most the cap count (a hub's friends share little else, and the work
    is then at most ``cap × 2 × edges``).
    """
    from scipy import sparse

    binary = sparse.csr_matrix(adj, dtype=np.float64, copy=True)
    binary.data[:] = 1.0
    binary.sort_indices()
    right = binary
    if degree_cap is not None:
        keep = (np.diff(binary.indptr) <= degree_cap).astype(np.float64)
        right = sparse.diags(keep).tocsr() @ binary
    out = np.empty(binary.nnz, dtype=np.float64)
    for start in range(0, binary.shape[0], block):
        rows = binary[start : start + block]
        counted = (rows @ right).multiply(rows).tocsr()
        # ``counted`` drops edges with no common neighbour; adding ``rows`` (all ones) restores
        # exactly the pattern of ``rows`` with ``count + 1`` in each entry.
        full = (counted + rows).tocsr()
        full.sort_indices()
        lo, hi = binary.indptr[start], binary.indptr[min(start + block, binary.shape[0])]
        out[lo:hi] = full.data - 1.0
    return out


def edge_weights(
    adj: Any,
    victim_prob: FloatArray | None = None,
    rejection: FloatArray | None = None,
    similarity: bool = False,
    similarity_power: float = 1.0,
    degree_cap: int | None = None,
) -> Any:
    """A symmetric CSR matrix with the same pattern as ``adj`` and the combined weights.

    - ``victim_prob[v]``: probability that ``v`` is a victim (accepts fakes), from a classifier
      over non-graph features; the edge gets ``1 - max(p(u), p(v))`` (Íntegro's idea: attack
      edges end at victims, so down-weighting victims' edges shrinks the attack cut).
    - ``rejection[v]``: the share of ``v``'s sent invitations that were ignored; the edge gets
      ``1 - max(r(u), r(v))``.
    - ``similarity``: the edge gets ``1 + common neighbours`` (an embedded friendship is hard for
      an outsider to obtain: Mohaisen et al.'s similarity-biased walks), raised to
      ``similarity_power``; ``degree_cap`` bounds which nodes count as common neighbours.
    """
    from scipy import sparse

    graph = sparse.csr_matrix(adj, dtype=np.float64, copy=True)
    graph.sort_indices()
    graph.data[:] = 1.0
    rows, cols = _endpoints(graph)
    weight = np.ones(graph.nnz, dtype=np.float64)
    if victim_prob is not None:
        p = np.clip(np.asarray(victim_prob, dtype=np.float64), 0.0, 1.0)
        weight *= np.maximum(1.0 - np.maximum(p[rows], p[cols]), FLOOR)
    if rejection is not None:
        r = np.clip(np.asarray(rejection, dtype=np.float64), 0.0, 1.0)
        weight *= np.maximum(1.0 - np.maximum(r[rows], r[cols]), FLOOR)
    if similarity:
        weight *= (1.0 + common_neighbours(graph, degree_cap=degree_cap)) ** similarity_power
    graph.data = weight
    return graph
