"""The genuine connection graph: weighted sampling within organisation, sector and city blocks.

Each edge picks a source with probability proportional to its weight (heavy-tailed, so hubs
appear) and a target from the source's organisation, sector, city or anywhere, again in
proportion to weight. Most edges so stay inside organisations and sectors (a clustered graph)
while the degree distribution follows the weights' power law.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from unmask.sim.util import NOW
from unmask.sim.world import Population

#: Share of edges drawn within the source's organisation, sector, city, and anywhere.
MODES = (0.5, 0.2, 0.15, 0.15)


class _Blocks:
    """Weighted sampling of a member inside the block (group) of a given member."""

    def __init__(self, key: np.ndarray, weight: np.ndarray) -> None:
        key = key.astype(np.int64) + 1  # fakes carry -1: their own block, weight 0
        self.order = np.argsort(key, kind="stable").astype(np.int32)
        self.cw = np.concatenate([[0.0], np.cumsum(weight[self.order])])
        counts = np.bincount(key)
        self.starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.key = key

    def sample(self, members: np.ndarray, u: np.ndarray) -> np.ndarray:
        g = self.key[members]
        start, end = self.starts[g], self.starts[g + 1]
        lo, hi = self.cw[start], self.cw[end]
        pos = np.searchsorted(self.cw, lo + u * (hi - lo), side="right") - 1
        pos = np.clip(pos, start, end - 1)
        out: np.ndarray = self.order[pos]
        return out


@dataclass
class Edges:
    src: np.ndarray  # int32
    dst: np.ndarray  # int32
    at: np.ndarray  # int64 epoch seconds
    explicit: np.ndarray  # bool: an invitation for this edge was already written

    def __len__(self) -> int:
        return len(self.src)


def genuine_edges(
    rng: np.random.Generator, pop: Population, per_member: float, chunk: int = 2_000_000
) -> Edges:
    total = int(pop.n * per_member * 1.15)  # some are lost to self-loops and duplicates
    blocks = [
        _Blocks(pop.org, pop.weight),
        _Blocks(pop.sector, pop.weight),
        _Blocks(pop.city, pop.weight),
    ]
    cw = np.cumsum(pop.weight)
    srcs, dsts = [], []
    for begin in range(0, total, chunk):
        m = min(chunk, total - begin)
        src = np.searchsorted(cw, rng.random(m) * cw[-1], side="right").astype(np.int32)
        mode = rng.choice(4, size=m, p=MODES)
        dst = np.searchsorted(cw, rng.random(m) * cw[-1], side="right").astype(np.int32)
        for b, block in enumerate(blocks):
            sel = np.flatnonzero(mode == b)
            dst[sel] = block.sample(src[sel], rng.random(len(sel)))
        srcs.append(src)
        dsts.append(dst)
    src = np.concatenate(srcs)
    dst = np.concatenate(dsts)
    start = np.maximum(pop.created[src], pop.created[dst])
    at = start + ((NOW - start) * rng.random(len(src)) ** 2.0).astype(np.int64)
    return Edges(src, dst, at, np.zeros(len(src), dtype=bool))


def merge(parts: list[Edges], n: int) -> Edges:
    """One edge per unordered pair, no self-loops; explicit edges win over generated ones.

    The result is sorted by pair, so the output order does not depend on how edges were made.
    """
    src = np.concatenate([p.src for p in parts])
    dst = np.concatenate([p.dst for p in parts])
    at = np.concatenate([p.at for p in parts])
    explicit = np.concatenate([p.explicit for p in parts])
    keep = src != dst
    src, dst, at, explicit = src[keep], dst[keep], at[keep], explicit[keep]
    lo = np.minimum(src, dst).astype(np.int64)
    hi = np.maximum(src, dst).astype(np.int64)
    key = lo * n + hi
    del lo, hi
    order = np.lexsort((~explicit, key))
    key = key[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    sel = order[first]
    return Edges(src[sel], dst[sel], at[sel], explicit[sel])


def degrees(edges: Edges, n: int) -> np.ndarray:
    out: np.ndarray = np.bincount(edges.src, minlength=n) + np.bincount(edges.dst, minlength=n)
    return out
