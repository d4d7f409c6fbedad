"""Planning the hostile campaigns: who the personas are, their fronts, cover, infrastructure,
photos and target organisations. Activity is generated later from the plan (approach.py)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np

from unmask.model.enums import Sector
from unmask.sim.archetypes import ARCHETYPES, Archetype
from unmask.sim.profiles import photo_of
from unmask.sim.sectors import BY_SECTOR, STEMS
from unmask.sim.util import DAY, NOW, flip_bits, hex_tokens, random_ips, random_subnet
from unmask.sim.vocab import CITIES, FREE_MAIL, OPERATOR_MAIL
from unmask.sim.world import FAKE, SECTOR_INDEX, Orgs, Population

#: Share of each archetype after the first round (which has one of each).
MIX = (0.2, 0.15, 0.2, 0.15, 0.2, 0.1)


@dataclass
class Front:
    index: int  # organisation index, after the real organisations
    name: str
    domain: str
    sector: int
    created: int
    country: str
    size: int
    imitates: int | None


@dataclass
class Campaign:
    id: str
    arch: Archetype
    leaders: list[int]
    supporters: list[int]
    fronts: list[Front]
    cover: int | None
    target_orgs: list[int]
    photos: list[tuple[str, str]]  # (pdq, phash) of each source photo
    victim: int | None
    note: str
    broken: bool
    subnet: int
    hosts: list[int]
    ua: int  # >= 0: a common agent; < 0: an operator agent (-ua - 1)
    email_domain: str
    burst_start: int
    hosting_ip: int
    targets: set[int] = field(default_factory=set)

    @property
    def personas(self) -> list[int]:
        return self.leaders + self.supporters


def _imitate(name: str, r: random.Random) -> str:
    """A real firm's name with a small change."""
    words = name.split()
    options = [
        lambda: name.replace("&", "and") if "&" in name else name + " Group",
        lambda: name + " International",
        lambda: (
            name.replace("Consulting", "Consultancy") if "Consulting" in name else name + " Global"
        ),
        lambda: " ".join([words[0] + "e", *words[1:]]),
        lambda: " ".join([words[0][:-1] + words[0][-1] * 2, *words[1:]]),
        lambda: name + " Partners",
    ]
    return r.choice(options)()


def _domain(name: str, r: random.Random) -> str:
    slug = "".join(ch.lower() for ch in name if ch.isalnum())[:24]
    suffix = r.choice(("", "-global", "-intl", "-group"))
    return f"{slug}{suffix}.{r.choice(('com', 'net', 'co', 'org', 'io'))}"


def _front(
    r: random.Random,
    rng: np.random.Generator,
    orgs: Orgs,
    arch: Archetype,
    index: int,
    created: int,
    used: set[str],
) -> Front:
    si = SECTOR_INDEX[arch.front_sector]
    imitates = None
    if r.random() < arch.imitate:
        real = orgs.by_sector[si]
        imitates = int(real[int(rng.integers(len(real)))])
        name = _imitate(orgs.names[imitates], r)
    else:
        pattern = r.choice(BY_SECTOR[arch.front_sector].names)
        name = pattern.format(s=r.choice(STEMS), c=CITIES[r.randrange(len(CITIES))][1])
        if arch.name == "think_tank":
            field = r.choice(("Global", "Strategic", "Eurasian", "Maritime"))
            name = f"{r.choice(STEMS)} Centre for {field} Studies"
    while name in used:
        name = f"{name} Ltd"
    used.add(name)
    return Front(
        index,
        name,
        _domain(name, r),
        si,
        created,
        CITIES[r.randrange(len(CITIES))][1],
        r.randint(1, 12),
        imitates,
    )


def _sizes(arch: Archetype, r: random.Random, small: bool, remaining: int) -> tuple[int, int]:
    leaders = r.randint(*arch.leaders)
    if arch.name == "recruiter_ring":
        if small:
            leaders = r.randint(2, 3)
        per = (2, 3) if small else arch.supporters
        supporters = sum(r.randint(*per) for _ in range(leaders))
    else:
        supporters = r.randint(*arch.supporters)
    size = min(leaders + supporters, remaining)
    left = remaining - size
    leaders = min(leaders, size)
    supporters = size - leaders
    if 0 < left < 2:
        if arch.supporters[1] > 0:
            supporters += left
        else:
            leaders += left
    return leaders, supporters


def plan_campaigns(
    rng: np.random.Generator,
    r: random.Random,
    pop: Population,
    orgs: Orgs,
    fake_slots: np.ndarray,
    seed: int,
) -> tuple[list[Campaign], list[Front]]:
    slots = [int(s) for s in rng.permutation(fake_slots)]
    sizes = np.bincount(pop.org[pop.kind != FAKE], minlength=len(orgs)).astype(float)
    used = set(orgs.names)
    campaigns: list[Campaign] = []
    fronts: list[Front] = []
    small = pop.n < 20_000
    k = 0
    while slots:
        arch = (
            ARCHETYPES[k]
            if k < len(ARCHETYPES)
            else ARCHETYPES[int(rng.choice(len(ARCHETYPES), p=MIX))]
        )
        n_lead, n_sup = _sizes(arch, r, small, len(slots))
        leaders, supporters = slots[:n_lead], slots[n_lead : n_lead + n_sup]
        del slots[: n_lead + n_sup]
        photographer = arch.name == "photographer"
        burst = NOW - int(rng.uniform(380, 540) if photographer else rng.uniform(40, 330)) * DAY
        own = [
            _front(
                r,
                rng,
                orgs,
                arch,
                len(orgs) + len(fronts) + j,
                burst - int(rng.uniform(20, 200)) * DAY,
                used,
            )
            for j in range(r.randint(*arch.fronts))
        ]
        fronts.extend(own)
        cover = None
        if arch.cover is not None and not own:
            pool = orgs.by_sector[SECTOR_INDEX[arch.cover]]
            if arch.name == "dream_job" and r.random() < 0.5:
                pool = orgs.by_sector[SECTOR_INDEX[Sector.DEFENCE]]
            w = sizes[pool] + 1.0
            cover = int(rng.choice(pool, p=w / w.sum()))
        tpool = np.concatenate([orgs.by_sector[SECTOR_INDEX[s]] for s in arch.targets])
        w = sizes[tpool] ** 1.5 + 1e-9
        n_t = min(len(tpool), r.randint(1, 3))
        target_orgs = [int(o) for o in rng.choice(tpool, size=n_t, replace=False, p=w / w.sum())]
        victim = None
        if photographer:
            genuine = np.flatnonzero(pop.has_photo & (pop.kind != FAKE))
            victim = int(genuine[int(rng.integers(len(genuine)))])
            shot = photo_of(seed, victim)
            photos = [
                (
                    flip_bits(shot["pdq"], int(rng.integers(2, 10)), rng),
                    flip_bits(shot["phash"], int(rng.integers(0, 3)), rng),
                )
            ]
        else:
            n_photos = 2 if arch.name == "think_tank" and len(leaders) > 1 else 1
            photos = list(
                zip(hex_tokens(rng, n_photos, 32), hex_tokens(rng, n_photos, 8), strict=True)
            )
        mail_roll = r.random()
        email = (
            own[0].domain
            if own and mail_roll < 0.4
            else r.choice(OPERATOR_MAIL)
            if mail_roll < 0.8
            else r.choice(FREE_MAIL)
        )
        campaigns.append(
            Campaign(
                id=f"camp-{k + 1:04d}",
                arch=arch,
                leaders=leaders,
                supporters=supporters,
                fronts=own,
                cover=cover,
                target_orgs=target_orgs,
                photos=photos,
                victim=victim,
                note="",
                broken=r.random() < arch.broken,
                subnet=random_subnet(rng),
                hosts=[r.randint(2, 250) for _ in range(r.randint(1, 4))],
                ua=-r.randint(1, 5) if r.random() < 0.6 else r.randrange(10),
                email_domain=email,
                burst_start=burst,
                hosting_ip=int(random_ips(rng, 1)[0]),
            )
        )
        k += 1
    return campaigns, fronts
