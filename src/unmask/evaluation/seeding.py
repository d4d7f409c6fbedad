"""How trusted seeds are picked in the evaluation: at random, or as a platform would.

A platform spreads its seeds over communities (SybilRank and Íntegro both do) and picks only
accounts it verified. Communities here come from a spectral embedding of the whole graph (Sybils
included: the platform does not know them) clustered with k-means.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt


def random_seeds(
    candidates: npt.NDArray[np.bool_], count: int, rng: np.random.Generator
) -> npt.NDArray[np.int64]:
    return np.sort(rng.choice(np.flatnonzero(candidates), count, replace=False)).astype(np.int64)


def communities(adj: Any, count: int, seed: int) -> npt.NDArray[np.int64]:
    """Community labels from the top ``count`` eigenvectors of the normalised adjacency."""
    from scipy.sparse import diags
    from scipy.sparse.linalg import eigsh
    from sklearn.cluster import KMeans

    deg = np.asarray(adj.sum(axis=1)).ravel()
    scale = diags(1.0 / np.sqrt(np.maximum(deg, 1.0)))
    norm = scale @ adj @ scale
    v0 = np.random.default_rng(seed).random(adj.shape[0])
    _, vectors = eigsh(norm, k=count, which="LA", v0=v0)
    rows = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    km = KMeans(n_clusters=count, n_init=4, random_state=seed)
    return np.asarray(km.fit_predict(rows), dtype=np.int64)


def platform_seeds(
    adj: Any, verified: npt.NDArray[np.bool_], count: int, rng: np.random.Generator
) -> npt.NDArray[np.int64]:
    """``count`` verified accounts spread over communities, one per community in turn.

    Within a community the seed is a random verified account among its better-connected half
    (a platform prefers established members); communities with no verified member get none.
    """
    labels = communities(adj, count, int(rng.integers(0, 2**31)))
    deg = np.asarray(adj.sum(axis=1)).ravel()
    pools: list[list[int]] = []
    for c in range(count):
        members = np.flatnonzero((labels == c) & verified)
        if members.size:
            strong = members[deg[members] >= np.median(deg[members])]
            pools.append(list(rng.permutation(strong)) + list(rng.permutation(members)))
    chosen: list[int] = []
    while len(chosen) < count and any(pools):
        for pool in pools:
            while pool and pool[0] in chosen:
                pool.pop(0)
            if pool and len(chosen) < count:
                chosen.append(int(pool.pop(0)))
    return np.sort(np.array(chosen, dtype=np.int64))
