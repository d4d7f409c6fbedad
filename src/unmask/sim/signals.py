"""Genuine members' logins, profile views and endorsements, fully vectorised."""

from __future__ import annotations

import numpy as np

from unmask.sim.graph import Edges
from unmask.sim.sectors import VOCAB, skills_of
from unmask.sim.tables import Table, objects
from unmask.sim.util import NOW, WINDOW_START, random_ips
from unmask.sim.world import FAKE, Orgs, Population

POOLS = [skills_of(v) for v in VOCAB]


def _between(rng: np.random.Generator, lo: np.ndarray) -> np.ndarray:
    lo = np.maximum(lo, WINDOW_START)
    out: np.ndarray = lo + (rng.random(len(lo)) * np.maximum(NOW - lo, 1)).astype(np.int64)
    return out


def logins(rng: np.random.Generator, pop: Population, orgs: Orgs, per_member: float) -> Table:
    genuine = np.flatnonzero(pop.kind != FAKE)
    counts = rng.poisson(per_member * np.minimum(pop.weight[genuine], 5.0) / 1.6)
    who = np.repeat(genuine, counts).astype(np.int32)
    at = _between(rng, pop.created[who])
    roll = rng.random(len(who))
    ip = np.where(roll < 0.6, pop.home_ip[who], orgs.office_ip[pop.org[who]])
    mobile = roll > 0.85
    ip[mobile] = random_ips(rng, int(mobile.sum()))
    ua = pop.ua[who].copy()
    ua[mobile] = rng.choice([4, 5, 6, 9], size=int(mobile.sum()))
    return {
        "account": who,
        "at": at,
        "ip": ip.astype(np.uint32),
        "ua": ua.astype(np.int16),
        "success": rng.random(len(who)) < 0.98,
    }


def views(
    rng: np.random.Generator, pop: Population, edges: Edges, cw: np.ndarray, per_member: float
) -> Table:
    n = int(pop.n * per_member)
    n_edge, n_search = n * 55 // 100, n * 30 // 100
    n_out = n - n_edge - n_search
    e = rng.integers(0, len(edges), size=n_edge) if len(edges) else np.zeros(0, dtype=np.int64)
    flip = rng.random(n_edge) < 0.5
    viewer = np.where(flip, edges.dst[e], edges.src[e])
    viewed = np.where(flip, edges.src[e], edges.dst[e])
    s_viewer = np.searchsorted(cw, rng.random(n_search) * cw[-1], side="right")
    s_viewed = np.searchsorted(cw, rng.random(n_search) * cw[-1], side="right")
    o_viewed = np.searchsorted(cw, rng.random(n_out) * cw[-1], side="right")
    viewer = np.concatenate([viewer, s_viewer, np.full(n_out, -1)]).astype(np.int32)
    viewed = np.concatenate([viewed, s_viewed, o_viewed]).astype(np.int32)
    keep = viewer != viewed
    viewer, viewed = viewer[keep], viewed[keep]
    source = np.concatenate(
        [rng.choice([1, 2, 3], size=n_edge), np.zeros(n_search), rng.choice([4, 5], size=n_out)]
    ).astype(np.int8)[keep]
    created = np.maximum(pop.created[viewed], np.where(viewer >= 0, pop.created[viewer], 0))
    queries = np.empty(len(viewer), dtype=object)
    search = np.flatnonzero((source == 0) & (rng.random(len(viewer)) < 0.7))
    for k, t in zip(search.tolist(), viewed[search].tolist(), strict=True):
        pool = POOLS[int(pop.sector[t])] if pop.sector[t] >= 0 else POOLS[0]
        queries[k] = pool[(int(pop.skill_off[t]) + k) % len(pool)]
    ip = np.where(viewer < 0, random_ips(rng, len(viewer)), 0).astype(np.uint32)
    return {
        "viewer": viewer,
        "viewed": viewed,
        "at": _between(rng, created),
        "ip": ip,
        "source": source,
        "query": queries,
    }


def endorsements(
    rng: np.random.Generator, pop: Population, edges: Edges, per_member: float
) -> Table:
    n = min(len(edges), int(pop.n * per_member))
    e = rng.integers(0, len(edges), size=n) if n else np.zeros(0, dtype=np.int64)
    flip = rng.random(n) < 0.5
    a = np.where(flip, edges.dst[e], edges.src[e]).astype(np.int32)
    b = np.where(flip, edges.src[e], edges.dst[e]).astype(np.int32)
    keep = (pop.kind[a] != FAKE) & (pop.kind[b] != FAKE) & (pop.skill_k[b] > 0)
    a, b, e = a[keep], b[keep], e[keep]
    j = (rng.random(len(b)) * pop.skill_k[b]).astype(np.int64)
    skills = [
        POOLS[s][(o + k) % len(POOLS[s])]
        for s, o, k in zip(
            pop.sector[b].tolist(), pop.skill_off[b].tolist(), j.tolist(), strict=True
        )
    ]
    at = edges.at[e] + (rng.random(len(e)) * (NOW - edges.at[e])).astype(np.int64)
    return {"endorser": a, "endorsee": b, "skill": objects(list(skills)), "at": at}
