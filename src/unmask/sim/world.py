"""The organisations and the genuine population, as numpy arrays (no per-member objects)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from unmask.model.enums import Sector
from unmask.sim.sectors import STEMS, VOCAB
from unmask.sim.util import DAY, NOW, PLATFORM_START, random_ips
from unmask.sim.vocab import CITIES, COUNTRY_NAMES, FIRST_NAMES, SURNAMES, USER_AGENTS

# member kinds
NORMAL, RECRUITER, SPARSE, HOPPER, OFFICE, FAKE = 0, 1, 2, 3, 4, 5
SECTOR_INDEX: dict[Sector, int] = {v.sector: i for i, v in enumerate(VOCAB)}
CITY_WEIGHTS = np.array([c[2] for c in CITIES]) / sum(c[2] for c in CITIES)


@dataclass
class Orgs:
    names: list[str]
    domains: list[str]
    sector: np.ndarray  # int index into VOCAB
    city: np.ndarray
    created: np.ndarray
    verified: np.ndarray
    office_ip: np.ndarray
    by_sector: list[np.ndarray]

    def __len__(self) -> int:
        return len(self.names)


@dataclass
class Population:
    n: int
    kind: np.ndarray  # int8, one of the kinds above
    org: np.ndarray  # int32, -1 for fakes
    sector: np.ndarray  # int16, -1 for fakes
    city: np.ndarray
    created: np.ndarray  # int64 epoch seconds
    weight: np.ndarray  # float64 propensity to connect
    career_start: np.ndarray  # int16 year
    home_ip: np.ndarray  # uint32
    ua: np.ndarray  # int16 index into USER_AGENTS
    skill_off: np.ndarray  # int32 offset into the sector's skill list
    skill_k: np.ndarray  # int8 number of skills listed
    has_photo: np.ndarray  # bool
    first: np.ndarray  # int16 index into FIRST_NAMES
    last: np.ndarray  # int16 index into SURNAMES

    @property
    def fake(self) -> np.ndarray:
        out: np.ndarray = self.kind == FAKE
        return out


def _slug(name: str) -> str:
    keep = "".join(ch.lower() if ch.isalnum() else " " for ch in name).split()
    drop = {"of", "the", "and", "for", "co"}
    return "".join(w for w in keep if w not in drop)[:30] or "org"


def build_orgs(rng: np.random.Generator, members: int) -> Orgs:
    n_total = max(80, members // 125)
    shares = np.array([v.share for v in VOCAB])
    shares = shares / shares.sum()
    names: list[str] = []
    domains: list[str] = []
    sector: list[int] = []
    used: set[str] = set()
    stems = STEMS + SURNAMES
    for si, vocab in enumerate(VOCAB):
        minimum = 12 if vocab.sector is Sector.ACADEMIA else 4
        for _ in range(max(minimum, round(shares[si] * n_total))):
            country = CITIES[int(rng.choice(len(CITIES), p=CITY_WEIGHTS))][1]
            name = ""
            for attempt in range(40):
                pattern = vocab.names[int(rng.integers(len(vocab.names)))]
                stem = stems[int(rng.integers(len(stems)))]
                if attempt > 20:
                    stem = f"{stem} {stems[int(rng.integers(len(stems)))]}"
                name = pattern.format(s=stem, c=COUNTRY_NAMES[country])
                if name not in used:
                    break
            if name in used:
                name = f"{name} {len(names)}"
            used.add(name)
            names.append(name)
            domains.append(f"{_slug(name)}.{vocab.tld}")
            sector.append(si)
    n = len(names)
    sec = np.array(sector, dtype=np.int16)
    created = PLATFORM_START + (rng.random(n) ** 1.5 * (NOW - 400 * DAY - PLATFORM_START))
    young = rng.random(n) < 0.06  # genuine new firms: new, thin pages like a front's
    created[young] = NOW - rng.uniform(60, 730, size=int(young.sum())) * DAY
    return Orgs(
        names=names,
        domains=domains,
        sector=sec,
        city=rng.choice(len(CITIES), size=n, p=CITY_WEIGHTS).astype(np.int16),
        created=created.astype(np.int64),
        verified=rng.random(n) < np.where(young, 0.4, 0.9),
        office_ip=random_ips(rng, n),
        by_sector=[np.flatnonzero(sec == i) for i in range(len(VOCAB))],
    )


def build_population(
    rng: np.random.Generator, orgs: Orgs, members: int, fake_slots: np.ndarray
) -> Population:
    n = members
    shares = np.array([v.share for v in VOCAB])
    sector = rng.choice(len(VOCAB), size=n, p=shares / shares.sum()).astype(np.int16)
    org = np.empty(n, dtype=np.int32)
    for si, candidates in enumerate(orgs.by_sector):
        idx = np.flatnonzero(sector == si)
        zipf = 1.0 / np.arange(1, len(candidates) + 1) ** 1.05
        org[idx] = rng.choice(candidates, size=len(idx), p=zipf / zipf.sum())
    city = np.where(
        rng.random(n) < 0.8, orgs.city[org], rng.choice(len(CITIES), size=n, p=CITY_WEIGHTS)
    ).astype(np.int16)
    created = PLATFORM_START + rng.random(n) ** 0.6 * (NOW - 120 * DAY - PLATFORM_START)
    kind = np.zeros(n, dtype=np.int8)
    rec_sector = SECTOR_INDEX[Sector.RECRUITING]
    inhouse = np.isin(sector, [SECTOR_INDEX[Sector.TECHNOLOGY], SECTOR_INDEX[Sector.CONSULTING]])
    kind[(sector == rec_sector) & (rng.random(n) < 0.6)] = RECRUITER
    kind[inhouse & (rng.random(n) < 0.03)] = RECRUITER
    roll = rng.random(n)
    kind[(kind == NORMAL) & (roll < 0.03)] = SPARSE
    kind[(kind == NORMAL) & (roll > 0.96)] = HOPPER
    sparse = kind == SPARSE
    created[sparse] = NOW - rng.uniform(1, 90, size=int(sparse.sum())) * DAY
    career_start = rng.integers(1986, 2024, size=n).astype(np.int16)
    weight = (1.0 - rng.random(n)) ** (-1.0 / 1.4)
    weight = np.minimum(weight, 400.0)
    weight[kind == RECRUITER] *= 4.0
    weight[sparse] *= 0.08
    weight[career_start < 2005] *= 1.5
    ua = rng.integers(0, len(USER_AGENTS), size=n).astype(np.int16)
    old = rng.random(n) < 0.02  # old corporate or unusual browsers: not only operators use them
    ua[old] = -rng.integers(1, 6, size=int(old.sum()))
    skill_k = rng.integers(3, 9, size=n)
    skill_k[sparse] = rng.integers(0, 3, size=int(sparse.sum()))
    has_photo = rng.random(n) < np.where(sparse, 0.35, 0.88)
    pop = Population(
        n,
        kind,
        org,
        sector,
        city,
        created.astype(np.int64),
        weight,
        career_start,
        random_ips(rng, n),
        ua,
        rng.integers(0, 1000, size=n).astype(np.int32),
        skill_k.astype(np.int8),
        has_photo,
        rng.integers(0, len(FIRST_NAMES), size=n).astype(np.int16),
        rng.integers(0, len(SURNAMES), size=n).astype(np.int16),
    )
    _office_batches(rng, orgs, pop)
    pop.kind[fake_slots] = FAKE
    pop.org[fake_slots] = -1
    pop.sector[fake_slots] = -1
    pop.weight[fake_slots] = 0.0
    return pop


def _office_batches(rng: np.random.Generator, orgs: Orgs, pop: Population) -> None:
    """Colleagues who signed up together on the office network: a benign registration burst."""
    sizes = np.bincount(pop.org, minlength=len(orgs))
    big = np.flatnonzero(sizes >= 12)
    if len(big) == 0:
        return
    n_batches = max(2, pop.n // 1500)
    for o in rng.choice(big, size=min(n_batches, len(big)), replace=False).tolist():
        staff = np.flatnonzero((pop.org == o) & (pop.kind == NORMAL))
        take = rng.choice(staff, size=min(len(staff), int(rng.integers(5, 13))), replace=False)
        day = NOW - int(rng.integers(20, 365)) * DAY + 9 * 3600
        pop.kind[take] = OFFICE
        pop.created[take] = day + rng.integers(0, 6 * 3600, size=len(take))


class Groups:
    """Members grouped by a key (organisation, sector): ``members(g)`` is one group."""

    def __init__(self, key: np.ndarray) -> None:
        shifted = key.astype(np.int64) + 1  # -1 (fakes) becomes group 0, never asked for
        self.order = np.argsort(shifted, kind="stable").astype(np.int32)
        self.starts = np.concatenate([[0], np.cumsum(np.bincount(shifted))])

    def members(self, group: int) -> np.ndarray:
        g = group + 1
        if g + 1 >= len(self.starts):
            return self.order[:0]
        out: np.ndarray = self.order[self.starts[g] : self.starts[g + 1]]
        return out


def cleared(pop: Population) -> np.ndarray:
    """Members whose profile lists a security clearance (what TRADECRAFT says not to do)."""
    from unmask.sim.sectors import skills_of

    out = np.zeros(pop.n, dtype=bool)
    for si, vocab in enumerate(VOCAB):
        pool = skills_of(vocab)
        if "Security Clearance" not in pool:
            continue
        at = pool.index("Security Clearance")
        members = np.flatnonzero(pop.sector == si)
        out[members] = (at - pop.skill_off[members]) % len(pool) < pop.skill_k[members]
    return out
