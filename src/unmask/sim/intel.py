"""What an agency would share about some campaigns (indicators), and the ground-truth
manifest of every planted campaign for campaign-recovery evaluation."""

from __future__ import annotations

import random
import re
from typing import Any

from unmask.sim.plan import Campaign
from unmask.sim.profiles import Context
from unmask.sim.sectors import STEMS
from unmask.sim.util import DAY, NOW, WINDOW_START, ip_text, iso, user_agent
from unmask.sim.vocab import FIRST_NAMES, FREE_MAIL, SURNAMES

AGENCIES = (
    "agency:national-protective-security",
    "agency:federal-counterintelligence",
    "partner:trust-and-safety-exchange",
)


def _name(ctx: Context, p: int) -> str:
    return f"{FIRST_NAMES[int(ctx.pop.first[p])]} {SURNAMES[int(ctx.pop.last[p])]}"


def phrase(template: str) -> str:
    """The longest slot-free stretch of a template: what an analyst would quote."""
    parts = [p.strip(" ,.") for p in re.split(r"\{[a-z]+\}", template)]
    return max(parts, key=len)


def codenames(campaigns: list[Campaign], r: random.Random) -> dict[str, str]:
    """Campaigns an agency knows about, under the agency's own names (not ours)."""
    known = [c for c in campaigns if r.random() < 0.4] or campaigns[:1]
    return {c.id: f"OP-{r.choice(STEMS).upper()}-{r.randint(10, 99)}" for c in known}


def indicators(
    campaigns: list[Campaign],
    names: dict[str, str],
    notes: dict[str, str],
    ctx: Context,
    r: random.Random,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(kind: str, value: str, codename: str | None, confidence: float, text: str) -> None:
        created = int(r.uniform(WINDOW_START, NOW - DAY))
        expires = created + 365 * DAY if r.random() < 0.9 else created + 30 * DAY
        rows.append(
            {
                "id": f"ind-{len(rows) + 1:05d}",
                "kind": kind,
                "value": value,
                "source": r.choice(AGENCIES),
                "created_at": iso(created),
                "confidence": round(confidence, 2),
                "tlp": r.choice(("amber", "green")),
                "expires_at": iso(expires),
                "description": text,
            }
            | ({"campaign": codename} if codename else {})
        )

    for c in campaigns:
        code = names.get(c.id)
        if code is None:
            continue
        options: list[tuple[str, str, str]] = [
            ("persona_name", _name(ctx, r.choice(c.leaders)), "persona seen approaching staff"),
            ("photo_pdq", c.photos[0][0], "profile photo used by several personas"),
            ("ip_range", f"{ip_text(c.subnet)}/24", "registration infrastructure"),
            ("phrase", phrase(notes[c.id]), "wording of the approach"),
        ]
        if c.fronts:
            options.append(("company", c.fronts[0].name, "front company"))
            options.append(("domain", c.fronts[0].domain, "front company website"))
        if c.email_domain not in FREE_MAIL:
            options.append(("domain", c.email_domain, "e-mail domain used at sign-up"))
        for kind, value, text in r.sample(options, min(len(options), r.randint(1, 4))):
            add(kind, value, code, r.uniform(0.5, 0.95), text)
    for _ in range(3):  # intelligence about people who are not on this network
        add(
            "persona_name",
            f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}",
            None,
            r.uniform(0.3, 0.6),
            "alias reported elsewhere",
        )
    return rows


def manifest(
    campaigns: list[Campaign], names: dict[str, str], notes: dict[str, str], ctx: Context
) -> list[dict[str, Any]]:
    out = []
    for c in campaigns:
        ua = user_agent(c.ua)
        out.append(
            {
                "id": c.id,
                "archetype": c.arch.name,
                "personas": [ctx.ids[p] for p in c.leaders],
                "supporters": [ctx.ids[p] for p in c.supporters],
                "front_companies": [ctx.org_ids[f.index] for f in c.fronts],
                "imitated_organisations": [
                    ctx.org_ids[f.imitates] for f in c.fronts if f.imitates is not None
                ],
                "cover_organisation": ctx.org_ids[c.cover] if c.cover is not None else None,
                "target_organisations": [ctx.org_ids[o] for o in c.target_orgs],
                "targets": sorted(ctx.ids[t] for t in c.targets),
                "shared": {
                    "photo_pdq": [p for p, _ in c.photos],
                    "photo_phash": [h for _, h in c.photos],
                    "photo_victim": ctx.ids[c.victim] if c.victim is not None else None,
                    "note_template": notes[c.id],
                    "subnet": f"{ip_text(c.subnet)}/24",
                    "user_agent": ua,
                    "email_domain": c.email_domain,
                    "hosting_ip": ip_text(c.hosting_ip),
                    "registered_from": iso(c.burst_start),
                },
                "broken_english": c.broken,
                "intel_codename": names.get(c.id),
            }
        )
    return out
