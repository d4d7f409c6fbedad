"""Genuine members' profiles: careers with dates, education, skills, verification flags,
registration metadata. ``account_dict`` is shared with the personas so that genuine and fake
rows have exactly the same shape."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np

from unmask.model.enums import Sector
from unmask.sim.sectors import VOCAB, skills_of
from unmask.sim.texts import ABOUT, RECRUITER_ABOUT
from unmask.sim.util import ip_text, iso, user_agent, year_of
from unmask.sim.vocab import (
    CITIES,
    COUNTRY_NAMES,
    DEGREES,
    FIELDS,
    FIRST_NAMES,
    FREE_MAIL,
    SURNAMES,
)
from unmask.sim.world import HOPPER, OFFICE, RECRUITER, SECTOR_INDEX, SPARSE, Orgs, Population

ACADEMIA = SECTOR_INDEX[Sector.ACADEMIA]
T = TypeVar("T")


@dataclass
class Context:
    seed: int
    pop: Population
    orgs: Orgs
    org_ids: list[str]
    ids: list[str]


def _pick(r: random.Random, seq: Sequence[T]) -> T:
    """``r.choice`` without its per-call overhead (the account loop is hot)."""
    return seq[int(r.random() * len(seq))]


def _pick_index(r: random.Random, values: np.ndarray) -> int:
    return int(values[int(r.random() * len(values))])


def photo_of(seed: int, index: int) -> dict[str, str]:
    """A genuine member's own photo: unique hashes derived from (seed, member)."""
    key = f"{seed}:{index}".encode()
    big = hashlib.blake2b(key, digest_size=64).hexdigest()
    small = hashlib.blake2b(key, digest_size=8, person=b"phash").hexdigest()
    return {"sha256": big[:64], "pdq": big[64:], "phash": small}


def account_dict(
    *,
    id: str,
    created_at: int,
    name: str,
    headline: str,
    location: str,
    about: str,
    photo: dict[str, str] | None,
    positions: list[dict[str, Any]],
    education: list[dict[str, Any]],
    skills: list[str],
    verified: tuple[bool, bool, bool],
    registration: dict[str, str],
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": id,
        "created_at": iso(created_at),
        "name": name,
        "headline": headline,
        "location": location,
        "about": about,
    }
    if photo is not None:
        row["photo"] = photo
    row |= {
        "positions": positions,
        "education": education,
        "skills": skills,
        "verified_email": verified[0],
        "verified_phone": verified[1],
        "verified_workplace": verified[2],
        "registration": registration,
        "language": "en",
    }
    return row


def position(
    employer: str, org: str | None, title: str, start: str, end: str | None, description: str = ""
) -> dict[str, Any]:
    row: dict[str, Any] = {"employer": employer}
    if org is not None:
        row["organisation_id"] = org
    row |= {"title": title, "start": start}
    if end is not None:
        row["end"] = end
    row["description"] = description
    return row


def education(
    school: str, org: str | None, degree: str, field: str, start: int, end: int
) -> dict[str, Any]:
    row: dict[str, Any] = {"school": school}
    if org is not None:
        row["organisation_id"] = org
    return row | {"degree": degree, "field": field, "start": str(start), "end": str(end)}


def _ym(value: float) -> str:
    year = int(value)
    return f"{year:04d}-{min(12, int((value - year) * 12) + 1):02d}"


def career(ctx: Context, i: int, r: random.Random) -> tuple[list[dict[str, Any]], str]:
    pop, orgs = ctx.pop, ctx.orgs
    kind = int(pop.kind[i])
    vocab = VOCAB[int(pop.sector[i])]
    start = float(pop.career_start[i]) + r.random()
    span = 2025.3 - start
    n_jobs = 1 if kind == SPARSE else 1 + min(_pick(r, (0, 0, 1, 1, 2, 2, 3)), int(span / 2))
    if kind == HOPPER:
        n_jobs = max(2, min(9, int(span / r.uniform(0.7, 1.3))))
    cuts = sorted(r.uniform(start, 2025.3) for _ in range(n_jobs - 1))
    bounds = [start, *cuts, 2025.3]
    senior = pop.career_start[i] < 2005 and r.random() < 0.5
    current_title = _pick(r, vocab.senior if senior else vocab.titles)
    out: list[dict[str, Any]] = []
    for k in range(n_jobs - 1, -1, -1):
        if k == n_jobs - 1:
            o = int(pop.org[i])
            title = current_title
        else:
            same = orgs.by_sector[int(pop.sector[i])]
            o = _pick_index(r, same) if r.random() < 0.7 else r.randrange(len(orgs))
            title = _pick(r, VOCAB[int(orgs.sector[o])].titles)
            if k == 0 and r.random() < 0.4:
                title = f"Junior {title}"
        end = None if k == n_jobs - 1 else _ym(bounds[k + 1] - r.random() * 0.2)
        name: str = orgs.names[o]
        page: str | None = ctx.org_ids[o]
        if k == n_jobs - 1 and r.random() < 0.02:
            name, page, title = "Self-employed", None, f"Independent {title}"
        elif k < n_jobs - 1 and r.random() < 0.06:  # a small firm with no page here
            name, page = f"{_pick(r, SURNAMES)} {_pick(r, ('Ltd', 'GmbH', '& Sons', 'LLC'))}", None
        out.append(position(name, page, title, _ym(bounds[k]), end))
    return out, current_title


def genuine_account(ctx: Context, i: int, r: random.Random) -> dict[str, Any]:
    pop, orgs = ctx.pop, ctx.orgs
    kind = int(pop.kind[i])
    sector = int(pop.sector[i])
    vocab = VOCAB[sector]
    org = int(pop.org[i])
    city, country, _ = CITIES[int(pop.city[i])]
    first, last = FIRST_NAMES[int(pop.first[i])], SURNAMES[int(pop.last[i])]
    sparse = kind == SPARSE
    positions, title = career(ctx, i, r)
    pool = skills_of(vocab)
    off = int(pop.skill_off[i])
    skills = [pool[(off + j) % len(pool)] for j in range(int(pop.skill_k[i]))]
    topic = pool[off % len(pool)]
    cs = int(pop.career_start[i])
    edu: list[dict[str, Any]] = []
    schools = orgs.by_sector[ACADEMIA]
    if r.random() < (0.4 if sparse else 0.9):
        s = _pick_index(r, schools)
        degree, years = _pick(r, DEGREES[:3] + DEGREES[8:9])
        end = cs + (1 if r.random() < 0.05 else 0)
        school: str = orgs.names[s]
        page: str | None = ctx.org_ids[s]
        if r.random() < 0.06:  # a school with no page here
            school, page = f"{_pick(r, SURNAMES)} {_pick(r, ('College', 'Polytechnic'))}", None
        edu.append(education(school, page, degree, _pick(r, FIELDS), end - years, end))
        if not sparse and r.random() < 0.3:
            s2 = _pick_index(r, schools)
            grad = "PhD" if sector == ACADEMIA and r.random() < 0.5 else _pick(r, ("MSc", "MA"))
            edu.insert(
                0,
                education(
                    orgs.names[s2],
                    ctx.org_ids[s2],
                    grad,
                    _pick(r, FIELDS),
                    end,
                    end + (4 if grad == "PhD" else 1),
                ),
            )
    if kind == RECRUITER:
        headline = f"{title} at {orgs.names[org]} | Hiring {topic} talent"
        about = _pick(r, RECRUITER_ABOUT)
    else:
        headline = (
            ""
            if sparse and r.random() < 0.5
            else _pick(r, (f"{title} at {orgs.names[org]}", f"{title} | {topic}", title))
        )
        about = "" if sparse or r.random() < 0.55 else _pick(r, ABOUT)
    about = about.format(
        years=max(1, 2025 - cs),
        topic=topic,
        topic2=skills[-1] if skills else topic,
        title=title,
        org=orgs.names[org],
        city=city,
        prev=positions[-1]["employer"] if len(positions) > 1 else "university",
    )
    office = kind == OFFICE
    work_mail = office or r.random() < 0.35
    reg = {
        "ip": ip_text(int(orgs.office_ip[org] if office else pop.home_ip[i])),
        "user_agent": user_agent(org % 4 if office else int(pop.ua[i])),
        "email_domain": orgs.domains[org] if work_mail else _pick(r, FREE_MAIL),
        "country": country,
    }
    verified = (
        r.random() < 0.95,
        r.random() < (0.3 if sparse else 0.55),
        office or (work_mail and r.random() < 0.7) or (kind == RECRUITER),
    )
    has_photo = bool(pop.has_photo[i])
    if year_of(int(pop.created[i])) < 2012 and r.random() < 0.2:
        reg = {"country": country}  # early sign-ups: the platform kept less
    return account_dict(
        id=ctx.ids[i],
        created_at=int(pop.created[i]),
        name=f"{first} {last}",
        headline=headline,
        location=f"{city}, {COUNTRY_NAMES[country]}",
        about=about,
        photo=photo_of(ctx.seed, i) if has_photo else None,
        positions=positions,
        education=edu,
        skills=skills,
        verified=verified,
        registration=reg,
    )
