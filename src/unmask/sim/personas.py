"""The fake personas' profiles and their front companies' pages."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from unmask.sim.plan import Campaign, Front
from unmask.sim.profiles import ACADEMIA, Context, account_dict, education, position
from unmask.sim.sectors import VOCAB
from unmask.sim.util import DAY, NOW, flip_bits, hex_tokens, ip_text, iso, user_agent, year_of
from unmask.sim.vocab import CITIES, COUNTRY_NAMES, FIELDS, FIRST_NAMES, SURNAMES

_INVENTED_SCHOOLS = (
    "Institute of Advanced International Studies",
    "Global Leadership Academy",
    "School of Strategic Affairs",
    "International Policy University",
)


def place_personas(rng: np.random.Generator, camp: Campaign, ctx: Context) -> None:
    """Registration times (a burst from shared infrastructure) and claimed cities."""
    pop = ctx.pop
    for p in camp.personas:
        if camp.arch.name == "photographer" or rng.random() < 0.7:
            created = camp.burst_start + int(rng.integers(0, 8 * 3600))
        else:
            created = camp.burst_start + int(rng.uniform(1, 60) * DAY)
        pop.created[p] = min(created, NOW - 5 * DAY)
        target_city = ctx.orgs.city[camp.target_orgs[0]]
        pop.city[p] = target_city if rng.random() < 0.6 else rng.integers(len(CITIES))


def _employer(camp: Campaign, k: int, ctx: Context) -> tuple[str, str | None]:
    if camp.fronts:
        f = camp.fronts[k % len(camp.fronts)]
        return f.name, ctx.org_ids[f.index]
    if camp.cover is not None:
        return ctx.orgs.names[camp.cover], ctx.org_ids[camp.cover]
    return "Self-employed", None


def persona_account(
    camp: Campaign, p: int, k: int, ctx: Context, r: random.Random, rng: np.random.Generator
) -> dict[str, Any]:
    pop, orgs, arch = ctx.pop, ctx.orgs, camp.arch
    leader = p in camp.leaders
    first, last = FIRST_NAMES[int(pop.first[p])], SURNAMES[int(pop.last[p])]
    employer, org = _employer(camp, k, ctx)
    title = r.choice(arch.titles if leader or not arch.supporter_titles else arch.supporter_titles)
    topic = VOCAB[int(orgs.sector[camp.target_orgs[0]])].skills[0]
    created = int(pop.created[p])
    claimed = year_of(created) - r.randint(1, 6) + r.random()
    positions = [position(employer, org, title, f"{int(claimed)}-{r.randint(1, 12):02d}", None)]
    start = claimed
    for _ in range(r.randint(0 if not leader else 1, 2)):
        o = r.randrange(len(orgs))
        end = start + (r.uniform(0.2, 1.5) if r.random() < 0.3 else -r.uniform(0.0, 0.5))
        start = end - r.uniform(1.5, 5)
        positions.append(
            position(
                orgs.names[o],
                ctx.org_ids[o],
                r.choice(VOCAB[int(orgs.sector[o])].titles),
                f"{int(start)}-{r.randint(1, 12):02d}",
                f"{int(end)}-{r.randint(1, 12):02d}",
            )
        )
    edu: list[dict[str, Any]] = []
    if arch.name == "think_tank" or r.random() < 0.3:
        end = int(start) + (r.randint(1, 3) if r.random() < 0.4 else 0)
        edu.append(
            education(
                r.choice(_INVENTED_SCHOOLS),
                None,
                r.choice(("PhD", "MA", "MSc")),
                r.choice(FIELDS),
                end - 3,
                end,
            )
        )
    elif r.random() < 0.6:
        s = int(r.choice(orgs.by_sector[ACADEMIA]))
        edu.append(
            education(
                orgs.names[s],
                ctx.org_ids[s],
                r.choice(("BA", "BSc", "MA")),
                r.choice(FIELDS),
                int(start) - 3,
                int(start),
            )
        )
    photo = None
    if leader or r.random() < 0.9:
        base_pdq, base_phash = camp.photos[k % len(camp.photos)]
        bits = 0 if r.random() < 0.4 else r.randint(1, 8)
        photo = {
            "sha256": hex_tokens(rng, 1, 32)[0],
            "pdq": flip_bits(base_pdq, bits, rng) if bits else base_pdq,
            "phash": flip_bits(base_phash, min(bits, 3), rng) if bits else base_phash,
        }
    about = arch.about.format(topic=topic) if r.random() < 0.85 else ""
    city, country, _ = CITIES[int(pop.city[p])]
    host = camp.subnet | r.choice(camp.hosts)
    reg = {
        "ip": ip_text(host),
        "user_agent": user_agent(camp.ua),
        "email_domain": camp.email_domain,
        "country": country,
    }
    if arch.name == "photographer":
        reg = {
            "ip": ip_text(int(pop.home_ip[p])),
            "user_agent": user_agent(camp.ua),
            "email_domain": "gmail.com",
            "country": country,
        }
    headline = r.choice((f"{title} at {employer}", f"{title} | {employer}", title))
    return account_dict(
        id=ctx.ids[p],
        created_at=created,
        name=f"{first} {last}",
        headline=headline,
        location=f"{city}, {COUNTRY_NAMES[country]}",
        about=about,
        photo=photo,
        positions=positions,
        education=edu,
        skills=r.sample(arch.skills, r.randint(2, 4)),
        verified=(r.random() < 0.85, r.random() < 0.1, False),
        registration=reg,
    )


def org_dict(
    *,
    id: str,
    name: str,
    created: int,
    sector: str,
    country: str,
    domain: str,
    size: int,
    verified: bool,
    description: str,
) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "created_at": iso(created),
        "sector": sector,
        "country": country,
        "website": f"https://www.{domain}",
        "domain": domain,
        "size": size,
        "verified": verified,
        "description": description,
    }


def front_dict(front: Front, ctx: Context) -> dict[str, Any]:
    vocab = VOCAB[front.sector]
    text = org_description(front.name, front.sector, front.index)
    return org_dict(
        id=ctx.org_ids[front.index],
        name=front.name,
        created=front.created,
        sector=vocab.sector.value,
        country=front.country,
        domain=front.domain,
        size=front.size,
        verified=False,
        description=text,
    )


def org_description(name: str, sector: int, salt: int) -> str:
    """The same shape of page text for real organisations and fronts."""
    skills = VOCAB[sector].skills
    a, b = skills[salt % len(skills)], skills[(salt + 1) % len(skills)]
    return f"{name}: {a} and {b}."
