"""The trust-propagation algorithms on small graphs built here."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import sparse

from unmask.detectors.graph import (
    common_neighbours,
    default_iterations,
    edge_weights,
    integro,
    propagate,
    rank_scores,
    sybilrank,
)
from unmask.detectors.graph.invitations import invitation_evidence
from unmask.detectors.graph.propagation import local_rule, propagate_absorbing


def graph(n: int, edges: list[tuple[int, int]]) -> Any:
    rows = [a for a, b in edges] + [b for a, b in edges]
    cols = [b for a, b in edges] + [a for a, b in edges]
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))


def two_cliques(size: int = 6) -> Any:
    """Two cliques of ``size`` nodes joined by one edge (size - 1, size)."""
    left = [(i, j) for i in range(size) for j in range(i + 1, size)]
    right = [(i + size, j + size) for i, j in left]
    return graph(2 * size, [*left, *right, (size - 1, size)])


def test_two_cliques_seeded_in_one_trust_stays_there() -> None:
    adj = two_cliques()
    for trust in (sybilrank(adj, [0, 1]), integro(adj, [0, 1], similarity=True)):
        assert trust[:6].min() > trust[6:].max()


def test_plain_sybilrank_ignores_stored_weights() -> None:
    adj = two_cliques()
    heavy = adj.copy()
    heavy.data = heavy.data * 7.0
    np.testing.assert_allclose(sybilrank(heavy, [0]), sybilrank(adj, [0]))


def test_degree_normalised_trust_converges_to_uniform() -> None:
    adj = two_cliques()
    trust = propagate(adj, [0], iterations=2000)
    np.testing.assert_allclose(trust, trust[0], rtol=1e-6)
    assert trust.sum() * adj.sum() / adj.shape[0] == pytest.approx(1.0, rel=1e-6)


def test_total_trust_is_conserved() -> None:
    adj = two_cliques()
    deg = np.asarray(adj.sum(axis=1)).ravel()
    assert float((sybilrank(adj, [0, 3], 5) * deg).sum()) == pytest.approx(1.0)


def test_isolated_node_gets_no_trust_and_iterations_default_to_log2() -> None:
    adj = graph(4, [(0, 1), (1, 2)])
    assert sybilrank(adj, [0])[3] == 0.0
    assert default_iterations(4039) == 12
    assert default_iterations(1) == 1


def test_needs_valid_seeds() -> None:
    with pytest.raises(ValueError, match="at least one"):
        sybilrank(two_cliques(), [])
    with pytest.raises(ValueError, match="out of range"):
        sybilrank(two_cliques(), [99])


def test_common_neighbours_per_edge() -> None:
    adj = two_cliques(4)
    adj.sort_indices()
    counts = common_neighbours(adj, block=3)  # blocks smaller than the graph
    rows = np.repeat(np.arange(8), np.diff(adj.indptr))
    bridge = (rows == 3) & (adj.indices == 4)
    assert counts[bridge].tolist() == [0.0]
    assert set(counts[~((rows == 4) & (adj.indices == 3)) & ~bridge].tolist()) == {2.0}


def test_victim_weights_shrink_the_attack_edge() -> None:
    adj = two_cliques()
    victim = np.zeros(12)
    victim[5] = 0.9  # the honest end of the bridge is a likely victim
    weights = edge_weights(adj, victim_prob=victim)
    assert weights[5, 6] == pytest.approx(0.1) and weights[0, 1] == 1.0
    plain, weighted = sybilrank(adj, [0]), integro(adj, [0], victim_prob=victim)
    assert weighted[6:].max() / weighted[:6].min() < plain[6:].max() / plain[:6].min()


def test_rejection_weights_and_symmetry() -> None:
    adj = two_cliques()
    rejection = np.linspace(0.0, 0.5, 12)
    weights = edge_weights(adj, rejection=rejection, similarity=True)
    assert abs(weights - weights.T).max() == 0.0
    assert weights[0, 1] == pytest.approx((1 - rejection[1]) * 5)


def test_absorbing_nodes_hold_trust_back() -> None:
    adj = two_cliques()
    passing = np.ones(12)
    passing[6:] = 0.2
    held = propagate_absorbing(adj, [0], passing)
    assert held[6:].max() < sybilrank(adj, [0])[6:].max()


def test_local_rule_separates_the_cliques() -> None:
    prior = np.zeros(12)
    prior[0] = -1.0
    prior[11] = 0.5
    q = local_rule(two_cliques(), prior)
    assert q[:6].max() < q[6:].min()


def test_rank_scores() -> None:
    scores = rank_scores(np.array([3.0, 1.0, 1.0, 0.0]))
    assert scores.tolist() == [0.0, 0.25, 0.25, 0.75]
    assert rank_scores(np.array([]), np.array([], dtype=bool)).size == 0


def test_invitation_evidence_weights_refusals_by_target_trust() -> None:
    senders = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2, 2])
    recipients = np.array([3, 4, 5, 3, 4, 5, 6, 6, 6, 6])
    accepted = np.array([1, 1, 1, 0, 0, 1, 1, 1, 1, 1], dtype=bool)
    evidence = invitation_evidence(7, senders, recipients, accepted)
    assert evidence[1] > 0 > evidence[0] and evidence[3] == 0.0
    trust = np.array([1, 1, 1, 1, 1, 1, 0.0])  # node 6 is not trusted: its answers do not count
    weighted = invitation_evidence(7, senders, recipients, accepted, trust)
    assert weighted[2] == 0.0 and evidence[2] < 0


def test_deterministic() -> None:
    adj = two_cliques()
    assert np.array_equal(
        integro(adj, [0, 2], similarity=True), integro(adj, [0, 2], similarity=True)
    )


def test_embedded_trust_stays_in_the_seeded_clique() -> None:
    from unmask.detectors.graph.belief import embedded_trust, trust_distrust

    adj = two_cliques()
    trust = embedded_trust(adj, [0, 1])
    assert trust[:6].min() > trust[6:].max()
    plain = trust_distrust(adj, [0, 1], [])
    np.testing.assert_allclose(plain, -np.log(trust + 1e-15))
    both = trust_distrust(adj, [0, 1], [11])
    assert both[6:].min() > both[:6].max()


def test_similarity_power_raises_the_common_neighbour_factor() -> None:
    adj = two_cliques()
    squared = edge_weights(adj, similarity=True, similarity_power=2.0)
    once = edge_weights(adj, similarity=True)
    np.testing.assert_allclose(squared.data, once.data**2)
