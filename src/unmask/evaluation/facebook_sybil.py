"""Suite ``facebook_sybil``: trust propagation on the real SNAP ego-Facebook graph with an injected
Sybil region (simulated: see :mod:`unmask.evaluation.sybil_sim`).

Rows: suite ``facebook_sybil_k<attack edges>``, split ``random_seeds`` (20 random honest seeds) or
``platform_seeds`` (20 verified accounts spread over communities), metric ``roc_auc`` (Sybils
positive, seeds excluded), value the mean over ``SEEDS`` simulation seeds; ``n`` is the number of
accounts scored. Detectors: ``trust_propagation.sybilrank`` (plain SybilRank),
``trust_propagation.integro`` (Íntegro's victim-weighted edges, from a simulated victim
classifier), ``.integro_similarity`` (victim weights times embeddedness), ``.similarity``
(embeddedness only: no side information), ``.refusals`` (invitation refusals alone, no
propagation: complementary evidence, not a trust ranking), ``.embedded`` (squared embeddedness
weights, trust per plain degree: graph and trusted seeds only) and ``.known_fakes`` (the same,
trust against distrust from ``KNOWN_SYBILS`` Sybils the platform removed earlier);
``trust_propagation`` is the production default (:func:`unmask.detectors.graph.auto.auto_suspicion`,
no known fakes) and ``sybilrank_reference`` plain SybilRank, the same pair as in ``graph_sybil``.

Every method is scored on the same accounts: trusted seeds and the known Sybils are excluded.
Parameters of the new variants were chosen on simulation seeds 100–104; rows report seeds 0–4.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from unmask.detectors.graph import edge_weights, propagate, sybilrank
from unmask.detectors.graph.auto import auto_suspicion
from unmask.detectors.graph.belief import trust_distrust
from unmask.detectors.graph.invitations import invitation_evidence
from unmask.evaluation.rows import EvalRow
from unmask.evaluation.seeding import platform_seeds, random_seeds
from unmask.evaluation.sybil_sim import Scenario, SybilParams, inject, load_edge_list

SUITE = "facebook_sybil"
GRAPH = Path("graphs/facebook_combined.txt")
REQUIRES = (GRAPH,)
ATTACK_EDGES = (10, 100, 1000, 5000, 10000)
SEEDS = (0, 1, 2, 3, 4)
N_TRUSTED = 20
KNOWN_SYBILS = 20
SPLITS = ("random_seeds", "platform_seeds")

Ids = npt.NDArray[np.int64]
#: (scenario, trusted seeds, known Sybils) -> suspicion score (higher: more likely Sybil)
Method = Callable[[Scenario, Ids, Ids], npt.NDArray[np.float64]]


def known_sybils(sc: Scenario, count: int, seed: int) -> Ids:
    """``count`` Sybils picked at random: accounts a platform removed earlier (a stand-in)."""
    rng = np.random.default_rng(20_000 + seed)
    return np.sort(rng.choice(np.flatnonzero(sc.is_sybil), count, replace=False)).astype(np.int64)


def _refusals(sc: Scenario, _: Ids, __: Ids) -> npt.NDArray[np.float64]:
    inv = sc.invitations
    return invitation_evidence(len(sc.is_sybil), inv[:, 0], inv[:, 1], inv[:, 2] == 1)


def _weighted(victims: bool, similarity: bool) -> Method:
    def method(sc: Scenario, seeds: Ids, _: Ids) -> npt.NDArray[np.float64]:
        prob = sc.victim_prob if victims else None
        return -propagate(edge_weights(sc.adj, prob, similarity=similarity), seeds)

    return method


def _embedded(sc: Scenario, seeds: Ids, _: Ids) -> npt.NDArray[np.float64]:
    return trust_distrust(sc.adj, seeds, ())


def _known_fakes(sc: Scenario, seeds: Ids, known: Ids) -> npt.NDArray[np.float64]:
    return trust_distrust(sc.adj, seeds, known)


def _default(sc: Scenario, seeds: Ids, _: Ids) -> npt.NDArray[np.float64]:
    return auto_suspicion(sc.adj, seeds)[0]


METHODS: dict[str, Method] = {
    "trust_propagation.sybilrank": lambda sc, s, _: -sybilrank(sc.adj, s),
    "trust_propagation.integro": _weighted(victims=True, similarity=False),
    "trust_propagation.integro_similarity": _weighted(victims=True, similarity=True),
    "trust_propagation.similarity": _weighted(victims=False, similarity=True),
    "trust_propagation.refusals": _refusals,
    "trust_propagation.embedded": _embedded,
    "trust_propagation.known_fakes": _known_fakes,
    # the production default and the plain reference, under the names every graph suite uses
    "trust_propagation": _default,
    "sybilrank_reference": lambda sc, s, _: -sybilrank(sc.adj, s),
}


@dataclass(frozen=True, slots=True)
class Measurement:
    detector: str
    attack_edges: int
    split: str
    aucs: tuple[float, ...]
    n: int

    @property
    def mean(self) -> float:
        return float(np.mean(self.aucs))


def measure(
    data: Path,
    attack_edges: Sequence[int] = ATTACK_EDGES,
    seeds: Sequence[int] = SEEDS,
    splits: Sequence[str] = SPLITS,
    methods: Sequence[str] | None = None,
    params: SybilParams | None = None,
    known_count: int = KNOWN_SYBILS,
) -> list[Measurement]:
    """ROC AUC of each method per (attack edges, split), one value per simulation seed."""
    from sklearn.metrics import roc_auc_score

    honest = load_edge_list(data / GRAPH)
    names = list(methods or METHODS)
    aucs: dict[tuple[str, int, str], list[float]] = {}
    sizes: dict[tuple[str, int, str], int] = {}
    for k in attack_edges:
        for seed in seeds:
            sc = inject(honest, k, seed, params)
            known = known_sybils(sc, known_count, seed)
            for split in splits:
                rng = np.random.default_rng(10_000 + seed)
                if split == "random_seeds":
                    trusted = random_seeds(~sc.is_sybil, N_TRUSTED, rng)
                else:
                    trusted = platform_seeds(sc.adj, sc.verified, N_TRUSTED, rng)
                mask = np.ones(sc.is_sybil.size, dtype=bool)
                mask[trusted] = False
                mask[known] = False
                for name in names:
                    score = METHODS[name](sc, trusted, known)
                    auc = float(roc_auc_score(sc.is_sybil[mask], score[mask]))
                    aucs.setdefault((name, k, split), []).append(auc)
                    sizes[(name, k, split)] = int(mask.sum())
    return [Measurement(n, k, s, tuple(v), sizes[(n, k, s)]) for (n, k, s), v in aucs.items()]


def rows_of(measurements: Sequence[Measurement]) -> list[EvalRow]:
    return [
        EvalRow(m.detector, f"{SUITE}_k{m.attack_edges}", m.split, "roc_auc", m.mean, m.n)
        for m in measurements
    ]


def run(data: Path) -> list[EvalRow]:
    return rows_of(measure(data))
