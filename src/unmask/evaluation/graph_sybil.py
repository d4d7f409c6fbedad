"""Suite ``graph_sybil``: the default ``trust_propagation`` against SybilRank on four real graphs.

Honest graphs: SNAP ego-Facebook and the MUSAE GitHub, Twitch and Wikipedia graphs (real); Sybil
regions of four shapes (:mod:`unmask.evaluation.sybil_shapes`), the attack and the trusted seeds
are simulated (:mod:`unmask.evaluation.graph_scenarios`). For every graph, shape and number of
attack edges, two rows with the same suite and split: detector ``trust_propagation`` (the
production default, :func:`unmask.detectors.graph.auto.auto_suspicion`) and
``sybilrank_reference`` (plain SybilRank), metric ``roc_auc`` (Sybils positive), the mean over the
held-out simulation seeds. Splits ending ``with N known fakes`` give the detector ``N`` Sybils as
confirmed fakes (drawn from as many regions as there are); SybilRank's twin row ignores them.
Both detectors are scored on the same accounts: trusted seeds and known fakes are excluded.

The weighting gate and exponent were chosen on development seeds ``DEV_SEEDS`` (see
``bench/choose_trust_weighting.py``); rows report ``HELD_OUT_SEEDS``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from unmask.detectors.graph import sybilrank
from unmask.detectors.graph.auto import auto_suspicion
from unmask.detectors.graph.stats import transitivity
from unmask.evaluation.graph_scenarios import (
    GRAPHS,
    inject,
    known_fakes,
    load_graph,
    trusted_seeds,
)
from unmask.evaluation.rows import EvalRow
from unmask.evaluation.sybil_shapes import SHAPES

SUITE = "graph_sybil"
REQUIRES = tuple(GRAPHS.values())
ATTACK_EDGES = (100, 1000, 5000)
HELD_OUT_SEEDS = (0, 1, 2, 3, 4)
DEV_SEEDS = (100, 101, 102)
KNOWN_FAKES = 10
DETECTORS = ("trust_propagation", "sybilrank_reference")


@dataclass(frozen=True, slots=True)
class Cell:
    graph: str
    clustering: float  # of the honest graph, estimated as the detector does
    shape: str
    attack_edges: int
    known: int  # known fakes given to trust_propagation (0: none)
    detector: str
    aucs: tuple[float, ...]
    n: int

    @property
    def mean(self) -> float:
        return float(np.mean(self.aucs))

    def split(self, seeds: Sequence[int]) -> str:
        base = (
            f"{self.graph} (clustering {self.clustering:.2f}), {self.shape} region, "
            f"{self.attack_edges} attack edges, seeds {seeds[0]}-{seeds[-1]}"
        )
        return base + (f", with {self.known} known fakes" if self.known else "")


def _scores(
    adj: Any, trusted: npt.NDArray[np.int64], fakes: npt.NDArray[np.int64]
) -> Iterator[tuple[str, npt.NDArray[np.float64]]]:
    yield "trust_propagation", auto_suspicion(adj, trusted, fakes)[0]
    yield "sybilrank_reference", -sybilrank(adj, trusted)


def measure(
    data: Path,
    graphs: Sequence[str] = tuple(GRAPHS),
    shapes: Sequence[str] = tuple(SHAPES),
    attack_edges: Sequence[int] = ATTACK_EDGES,
    seeds: Sequence[int] = HELD_OUT_SEEDS,
    known_counts: Sequence[int] = (0, KNOWN_FAKES),
) -> list[Cell]:
    """ROC AUC of both detectors per (graph, shape, attack edges, known fakes), one per seed."""
    from rich.console import Console
    from rich.progress import Progress
    from sklearn.metrics import roc_auc_score

    out: list[Cell] = []
    total = len(graphs) * len(shapes) * len(attack_edges) * len(seeds)
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("graph_sybil: injected scenarios", total=total)
        for graph in graphs:
            honest = load_graph(data / GRAPHS[graph])
            clustering = transitivity(honest)
            for shape in shapes:
                for k in attack_edges:
                    aucs: dict[tuple[int, str], list[float]] = {}
                    sizes: dict[tuple[int, str], int] = {}
                    for seed in seeds:
                        sc = inject(honest, shape, k, seed)
                        trusted = trusted_seeds(sc, seed)
                        for count in known_counts:
                            fakes = known_fakes(sc, count, seed)
                            mask = np.ones(sc.is_sybil.size, dtype=bool)
                            mask[trusted] = False
                            mask[fakes] = False
                            for name, score in _scores(sc.adj, trusted, fakes):
                                auc = roc_auc_score(sc.is_sybil[mask], score[mask])
                                aucs.setdefault((count, name), []).append(float(auc))
                                sizes[(count, name)] = int(mask.sum())
                        bar.advance(task)
                    out.extend(
                        Cell(graph, clustering, shape, k, c, name, tuple(v), sizes[(c, name)])
                        for (c, name), v in aucs.items()
                    )
    return out


def rows_of(cells: Sequence[Cell], seeds: Sequence[int] = HELD_OUT_SEEDS) -> list[EvalRow]:
    return [EvalRow(c.detector, SUITE, c.split(seeds), "roc_auc", c.mean, c.n) for c in cells]


def run(data: Path) -> list[EvalRow]:
    return rows_of(measure(data))
