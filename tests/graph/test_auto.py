"""The default weighting's gate, the wedge-sampling clustering estimate and one-sided distrust."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

from unmask.detectors.graph import common_neighbours, sybilrank
from unmask.detectors.graph.auto import CLUSTERED, auto_suspicion, choose
from unmask.detectors.graph.belief import suspicion
from unmask.detectors.graph.stats import transitivity


def graph(n: int, edges: list[tuple[int, int]] | np.ndarray[Any, Any]) -> Any:
    e = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    rows, cols = np.r_[e[:, 0], e[:, 1]], np.r_[e[:, 1], e[:, 0]]
    adj = sparse.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(n, n))
    adj.data[:] = 1.0
    return adj


def cliques(count: int, size: int, bridges: int = 1) -> list[tuple[int, int]]:
    """``count`` cliques of ``size``, clique ``c`` joined to ``c + 1`` by ``bridges`` edges."""
    out = [
        (c * size + i, c * size + j)
        for c in range(count)
        for i in range(size)
        for j in range(i + 1, size)
    ]
    out += [(c * size + b, (c + 1) * size + b) for c in range(count - 1) for b in range(bridges)]
    return out


def exact_transitivity(adj: Any) -> float:
    deg = np.diff(adj.indptr).astype(float)
    return float(common_neighbours(adj).sum() / (deg * (deg - 1)).sum())


def test_transitivity_estimate_matches_the_exact_value() -> None:
    rng = np.random.default_rng(0)
    random = graph(2000, rng.integers(0, 2000, (8000, 2)))
    random = graph(2000, np.argwhere(sparse.triu(random, 1).toarray()))
    clustered = graph(400, cliques(20, 20, bridges=3))
    for adj in (random, clustered):
        assert abs(transitivity(adj) - exact_transitivity(adj)) < 0.01
    assert transitivity(clustered) == transitivity(clustered)  # deterministic
    star = graph(6, [(0, i) for i in range(1, 6)])
    assert transitivity(star) == 0.0
    assert transitivity(graph(3, [(0, 1)])) == 0.0  # no wedge at all
    assert transitivity(graph(4, [(0, 1), (1, 2), (0, 2), (2, 3)])) > 0.0


def test_degree_cap_leaves_hubs_out_of_the_common_neighbours() -> None:
    # 0 and 1 share neighbour 2 (degree 2) and hub 3 (degree 5)
    adj = graph(7, [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (3, 4), (3, 5), (3, 6)])
    full = common_neighbours(adj)
    capped = common_neighbours(adj, degree_cap=4)
    first = adj.indptr[0] + list(adj.indices[adj.indptr[0] : adj.indptr[1]]).index(1)
    assert full[first] == 2 and capped[first] == 1
    assert (capped <= full).all()


def test_gate_chooses_from_the_graph() -> None:
    rng = np.random.default_rng(1)
    sparse_random = graph(3000, rng.integers(0, 3000, (9000, 2)))
    assert choose(sparse_random).weighting == "sybilrank"
    clustered = graph(400, cliques(20, 20))
    picked = choose(clustered)
    assert picked.weighting == "embedded" and (picked.clustering or 0) >= CLUSTERED
    assert choose(clustered, "sybilrank").weighting == "sybilrank"
    assert choose(sparse_random, "embedded").weighting == "embedded"


def test_sybilrank_branch_ranks_exactly_as_sybilrank() -> None:
    rng = np.random.default_rng(2)
    adj = graph(500, rng.integers(0, 500, (2000, 2)))
    score, choice, steps = auto_suspicion(adj, [0, 1, 2])
    assert choice.weighting == "sybilrank" and steps == 9
    trust = sybilrank(adj, [0, 1, 2])
    connected = trust > 0
    np.testing.assert_array_equal(
        np.argsort(score[connected], kind="stable"), np.argsort(-trust[connected], kind="stable")
    )


def test_distrust_raises_suspicion_only_near_known_fakes() -> None:
    # honest cliques 0-3 (seeded in clique 0); two fake cliques 4 and 5, each with one attack
    # edge; one known fake in clique 4 only
    edges = cliques(4, 8, bridges=3) + [
        (32 + c * 8 + i, 32 + c * 8 + j)
        for c in range(2)
        for i in range(8)
        for j in range(i + 1, 8)
    ]
    edges += [(5, 32), (20, 40)]
    adj = graph(48, edges)
    plain = suspicion(adj, [0, 1], power=0.0)
    with_fake = suspicion(adj, [0, 1], [33], power=0.0)
    assert with_fake[32:40].min() > plain[32:40].min()  # the known fake's region: more suspicious
    np.testing.assert_allclose(with_fake[40:], plain[40:])  # the other region: left as it was
    assert with_fake[40:].min() > with_fake[:32].max()  # and still below every real member
