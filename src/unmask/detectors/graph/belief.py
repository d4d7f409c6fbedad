"""Embeddedness-weighted trust, and trust against distrust from known fakes (SybilBelief-style).

``embedded_trust`` propagates over edges weighted ``(1 + common neighbours)^power`` and divides
the trust a node holds by its *plain* degree, not its weighted one. Dividing by weighted degree
would make the result flat at convergence; dividing by plain degree keeps a tilt towards accounts
whose connections are embedded (friends of friends), which an outsider's accepted requests are
not. At the early-terminated step count both signals point the same way.

``trust_distrust`` also propagates *distrust* from a few accounts known to be fake (for example
accounts reviewers removed earlier) over the same weights and scores each node by
``log(distrust) - log(trust)``, the idea of SybilBelief (Gong, Frank, Mittal, IEEE TIFS 2014)
of priors on both sides, in the linear form of random-walk propagation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from unmask.detectors.graph.propagation import propagate, weighted_degree
from unmask.detectors.graph.weights import edge_weights

FloatArray = npt.NDArray[np.float64]
Seeds = Sequence[int] | npt.NDArray[np.integer[Any]]

#: Exponent of ``1 + common neighbours``; chosen on tuning simulation seeds (100–104), not on
#: the reported ones (docs/trust-propagation.md).
POWER = 2.0
#: Added before taking logs: trust values are ~1/n, so 1e-15 only matters for exact zeros.
EPS = 1e-15


def embedded_weights(
    adj: Any,
    victim_prob: FloatArray | None = None,
    power: float = POWER,
    degree_cap: int | None = None,
) -> Any:
    """Edges weighted ``(1 + common neighbours)^power``; ``power`` 0 skips counting them."""
    if power == 0:
        if victim_prob is None and adj.dtype == np.float64 and bool(np.all(adj.data == 1.0)):
            return adj  # already the plain 0/1 graph: no copy
        return edge_weights(adj, victim_prob)
    return edge_weights(
        adj, victim_prob, similarity=True, similarity_power=power, degree_cap=degree_cap
    )


def per_degree(weights: Any, trust: FloatArray, adj: Any) -> FloatArray:
    """Degree-normalised trust from :func:`propagate` re-divided by plain (unweighted) degree."""
    plain = np.maximum(np.diff(adj.indptr), 1).astype(np.float64)
    return np.asarray(trust * weighted_degree(weights) / plain, dtype=np.float64)


def embedded_trust(
    adj: Any,
    seeds: Seeds,
    victim_prob: FloatArray | None = None,
    power: float = POWER,
    iterations: int | None = None,
    weights: Any | None = None,
    by_degree: bool = False,
) -> FloatArray:
    """Trust from ``seeds`` over embeddedness weights, per plain degree (higher: more trusted)."""
    w = embedded_weights(adj, victim_prob, power) if weights is None else weights
    return per_degree(w, propagate(w, seeds, iterations, by_degree), adj)


def trust_distrust(
    adj: Any,
    seeds: Seeds,
    known_fakes: Seeds,
    victim_prob: FloatArray | None = None,
    power: float = POWER,
    iterations: int | None = None,
) -> FloatArray:
    """Suspicion ``log(distrust) - log(trust)`` (higher: more likely fake).

    Trust flows from ``seeds``, distrust from ``known_fakes``, both for the same number of steps
    over the same embeddedness weights. With no known fake this is ``-log(trust)``.
    """
    w = embedded_weights(adj, victim_prob, power)
    trust = embedded_trust(adj, seeds, iterations=iterations, weights=w)
    if len(known_fakes) == 0:
        return np.asarray(-np.log(trust + EPS), dtype=np.float64)
    distrust = embedded_trust(adj, known_fakes, iterations=iterations, weights=w)
    return np.asarray(np.log(distrust + EPS) - np.log(trust + EPS), dtype=np.float64)


def suspicion(
    adj: Any,
    seeds: Seeds,
    known_fakes: Seeds = (),
    victim_prob: FloatArray | None = None,
    power: float = POWER,
    iterations: int | None = None,
    degree_cap: int | None = None,
    by_degree: bool = False,
) -> FloatArray:
    """Suspicion ``-log(trust · vol) + log(max(1, distrust · vol))`` (higher: more likely fake).

    ``vol`` is the sum of plain degrees, so ``trust · vol`` is 1 where trust has spread evenly
    (exactly so for ``power`` 0, where the ranking is SybilRank's). Distrust from ``known_fakes``
    counts only where it exceeds that even share: near a known fake. Elsewhere, in particular in a
    Sybil region with no known member, the trust ranking is left as it is; the ratio
    ``distrust / trust`` of :func:`trust_distrust` instead makes such a region look as honest as
    the real members, since both kinds of walk reach it only through the same attack edges.
    ``by_degree`` shares the starting trust (and distrust) in proportion to weighted degree.
    """
    w = embedded_weights(adj, victim_prob, power, degree_cap)
    vol = max(float(adj.nnz), 1.0)
    trust = embedded_trust(adj, seeds, iterations=iterations, weights=w, by_degree=by_degree)
    score = -np.log(trust * vol + EPS)
    if len(known_fakes):
        distrust = embedded_trust(
            adj, known_fakes, iterations=iterations, weights=w, by_degree=by_degree
        )
        score = score + np.log(np.maximum(1.0, distrust * vol))
    return np.asarray(score, dtype=np.float64)
