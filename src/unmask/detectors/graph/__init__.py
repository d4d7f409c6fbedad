"""Graph algorithms on CSR adjacency matrices (numpy/scipy), shared by detectors and benchmarks."""

from unmask.detectors.graph.propagation import (
    default_iterations,
    integro,
    propagate,
    rank_scores,
    sybilrank,
)
from unmask.detectors.graph.weights import common_neighbours, edge_weights

__all__ = [
    "common_neighbours",
    "default_iterations",
    "edge_weights",
    "integro",
    "propagate",
    "rank_scores",
    "sybilrank",
]
