"""Real honest graphs with an injected Sybil region: loading, injection, trusted seeds, known fakes.

The honest graphs are the real ones in ``../shared/data/graphs`` (ego-Facebook and three MUSAE
graphs); the Sybil region (:mod:`unmask.evaluation.sybil_shapes`), the attack and the choice of
seeds are simulated. The attacker sends requests from random Sybils to random members; a member
accepts in proportion to a log-normal susceptibility, so victims are the susceptible members, until
``attack_edges`` distinct attack edges exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from unmask.evaluation.sybil_shapes import SHAPES

#: graph name -> path under the data directory
GRAPHS: dict[str, Path] = {
    "facebook": Path("graphs/facebook_combined.txt"),
    "github": Path("graphs/musae_github.csv"),
    "twitch": Path("graphs/musae_twitch.csv"),
    "wikipedia": Path("graphs/musae_wikipedia.csv"),
}
N_SYBIL = 1000
N_TRUSTED = 20

Ids = npt.NDArray[np.int64]


@dataclass(frozen=True)
class GraphScenario:
    adj: Any  # symmetric 0/1 CSR: honest members first, then Sybils
    is_sybil: npt.NDArray[np.bool_]
    region: Ids  # Sybil region id per Sybil (index i - n_honest), -1 never used
    attack_edges: int


def symmetric(n: int, edges: npt.NDArray[np.int64]) -> Any:
    rows = np.concatenate([edges[:, 0], edges[:, 1]])
    cols = np.concatenate([edges[:, 1], edges[:, 0]])
    adj = sparse.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(n, n))
    adj.data[:] = 1.0
    return adj


@cache
def load_graph(path: Path) -> Any:
    """An edge list (``u v`` lines, or a CSV with a header) as a symmetric 0/1 CSR matrix.

    Node ids are renumbered ``0..n-1``; self-loops and duplicate edges are dropped.
    """
    if path.suffix == ".csv":
        edges = np.loadtxt(path, dtype=np.int64, delimiter=",", skiprows=1, ndmin=2)
    else:
        edges = np.loadtxt(path, dtype=np.int64, ndmin=2)
    edges = edges[edges[:, 0] != edges[:, 1]]
    ids, flat = np.unique(edges, return_inverse=True)
    return symmetric(int(ids.size), flat.reshape(-1, 2).astype(np.int64))


def _attack(n_h: int, n_s: int, k: int, rng: np.random.Generator) -> npt.NDArray[np.int64]:
    """``k`` distinct (honest, sybil) attack edges; members accept by susceptibility."""
    accept = np.clip(0.25 * np.exp(rng.normal(-0.5, 1.0, n_h)), 0.0, 1.0)
    found: set[tuple[int, int]] = set()
    while len(found) < k:
        batch = max(64, 4 * (k - len(found)))
        senders = rng.integers(0, n_s, batch)
        targets = rng.integers(0, n_h, batch)
        ok = rng.random(batch) < accept[targets]
        for t, s in zip(targets[ok].tolist(), senders[ok].tolist(), strict=True):
            if len(found) < k:
                found.add((t, s))
    return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)


def inject(honest: Any, shape: str, attack_edges: int, seed: int) -> GraphScenario:
    rng = np.random.default_rng(seed)
    n_h = int(honest.shape[0])
    internal, region = SHAPES[shape](N_SYBIL, honest, rng)
    attack = _attack(n_h, N_SYBIL, attack_edges, rng)
    coo = sparse.triu(honest, 1).tocoo()
    honest_edges = np.column_stack([coo.row, coo.col]).astype(np.int64)
    edges = np.vstack([honest_edges, internal + n_h, attack + np.array([0, n_h])])
    is_sybil = np.zeros(n_h + N_SYBIL, dtype=bool)
    is_sybil[n_h:] = True
    return GraphScenario(symmetric(n_h + N_SYBIL, edges), is_sybil, region, attack_edges)


def trusted_seeds(sc: GraphScenario, seed: int) -> Ids:
    """``N_TRUSTED`` random honest members (the platform's verified accounts)."""
    rng = np.random.default_rng(10_000 + seed)
    honest = np.flatnonzero(~sc.is_sybil)
    return np.sort(rng.choice(honest, N_TRUSTED, replace=False)).astype(np.int64)


def known_fakes(sc: GraphScenario, count: int, seed: int) -> Ids:
    """``count`` Sybils a platform removed earlier, drawn from as many regions as possible.

    Regions are visited in a random order, one known fake from each in turn, so with many small
    regions the known fakes come from ``count`` different campaigns (and most campaigns have none).
    """
    rng = np.random.default_rng(20_000 + seed)
    n_h = int((~sc.is_sybil).sum())
    pools = [rng.permutation(np.flatnonzero(sc.region == r)) for r in np.unique(sc.region)]
    pools = [pools[i] for i in rng.permutation(len(pools))]
    chosen: list[int] = []
    depth = 0
    while len(chosen) < count:
        for pool in pools:
            if depth < pool.size and len(chosen) < count:
                chosen.append(int(pool[depth]) + n_h)
        depth += 1
    return np.sort(np.asarray(chosen, dtype=np.int64))
