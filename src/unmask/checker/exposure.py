"""Exposure audit of a member's *own* profile: what makes it attractive to a hostile service.

Sensitive employers, named programmes and clearances come from the sector lexicon
(``checker/lexicon.toml``, data). Each finding names what was seen, where, and what to change;
the score (0-100) is the sum of the points of what is still there, so it drops as the member
follows the advice. This is about the member's own profile, so showing the score is safe: it is
no oracle for tuning a fake.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from unmask.checker.employer import current_position, employer_page
from unmask.checker.lexicon import load_lexicon
from unmask.model import Account, Snapshot
from unmask.model.enums import SENSITIVE_SECTORS


@dataclass(frozen=True, slots=True)
class ExposureItem:
    id: str
    title: str
    seen: str
    advice: str
    points: int


@dataclass(frozen=True, slots=True)
class ExposureReport:
    score: int
    level: str
    items: tuple[ExposureItem, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"score": self.score, "level": self.level, "items": [asdict(i) for i in self.items]}


_SENSITIVE_ROLE = re.compile(
    r"\b(?:intelligence|classified|weapons?|nuclear|missile|cryptograph\w*|counter[- ]?\w+|"
    r"diplomat\w*|attach[eé]|chief of staff|private secretary|policy advis[eo]r|"
    r"procurement|signals|targeting|special (?:projects|programmes?)|security officer)\b",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+|00)\d[\d ()-]{7,}\d|\b(?:whatsapp|signal|telegram)\b",
    re.IGNORECASE,
)

_LEVELS = ((60, "high"), (30, "medium"), (0, "low"))


def _texts(a: Account) -> list[tuple[str, str]]:
    out = [("headline", a.headline), ("about", a.about)]
    for p in a.positions:
        out.append((f"position at {p.employer}", f"{p.title}\n{p.description}"))
    out.append(("skills", ", ".join(a.skills)))
    return [(where, text) for where, text in out if text.strip()]


def _first(
    patterns: re.Pattern[str] | tuple[re.Pattern[str], ...], texts: list[tuple[str, str]]
) -> tuple[str, str] | None:
    for where, text in texts:
        for pattern in patterns if isinstance(patterns, tuple) else (patterns,):
            m = pattern.search(text)
            if m:
                return where, m.group(0)
    return None


def _sensitive_employer(a: Account, snapshot: Snapshot | None) -> str | None:
    """The first employer (current first, then the headline) in a sensitive sector: from the
    employer's page when the platform knows it, else from the sector lexicon."""
    lexicon = load_lexicon()
    pos = current_position(a)
    org = employer_page(pos, snapshot) if pos is not None and snapshot is not None else None
    if pos is not None and org is not None and org.sector in SENSITIVE_SECTORS:
        return f"{pos.employer} ({org.sector.value})"
    ordered = [pos] if pos is not None else []
    ordered += [p for p in a.positions if p is not pos]
    for p in ordered:
        sector = lexicon.sector_of_employer(p.employer)
        if sector:
            return f"{p.employer} ({sector})"
    sector = lexicon.sector_of_employer(a.headline)
    return f"headline: “{a.headline}” ({sector})" if sector else None


def _network(a: Account, snapshot: Snapshot | None) -> str | None:
    """Most connections at one sensitive-sector employer: a map of a site's staff."""
    if snapshot is None:
        return None
    contacts = snapshot.neighbours.get(a.id, frozenset())
    if len(contacts) < 10:
        return None
    employers: Counter[str] = Counter()
    for cid in contacts:
        sector = snapshot.sector_of(cid)
        contact = snapshot.accounts.get(cid)
        if contact and contact.positions and sector in {s.value for s in SENSITIVE_SECTORS}:
            employers[contact.positions[0].employer] += 1
    if not employers:
        return None
    name, n = employers.most_common(1)[0]
    share = n / len(contacts)
    return f"{n} of your {len(contacts)} connections work at {name}" if share >= 0.5 else None


def audit(account: Account, snapshot: Snapshot | None = None) -> ExposureReport:
    texts = _texts(account)
    items: list[ExposureItem] = []
    hit = _first(load_lexicon().clearances, texts)
    if hit:
        items.append(
            ExposureItem(
                "clearance",
                "Your profile mentions a security clearance",
                f"{hit[0]}: “{hit[1]}”",
                "Remove any mention of clearance or vetting from your headline, about, positions "
                "and skills. Recruiters who need it will ask through official channels.",
                30,
            )
        )
    employer = _sensitive_employer(account, snapshot)
    if employer:
        items.append(
            ExposureItem(
                "sensitive_employer",
                "You work for a sector hostile services target",
                employer,
                "If your employer must be public, keep the rest of the profile generic and check "
                "your employer's social-media guidance.",
                15,
            )
        )
    hit = _first(_SENSITIVE_ROLE, texts)
    if hit:
        items.append(
            ExposureItem(
                "sensitive_role",
                "Your role is described in sensitive terms",
                f"{hit[0]}: “{hit[1]}”",
                "Use a generic title (engineer, analyst, civil servant) instead of the exact "
                "function or team.",
                15,
            )
        )
    hit = _first(load_lexicon().programmes, texts)
    if hit:
        items.append(
            ExposureItem(
                "project_detail",
                "Your profile names projects or programmes",
                f"{hit[0]}: “{hit[1]}”",
                "Remove project, programme and contract names and technical detail; share them "
                "only with verified contacts who need them.",
                15,
            )
        )
    hit = _first(_CONTACT, texts)
    if hit:
        items.append(
            ExposureItem(
                "contact_details",
                "Your profile shows direct contact details",
                hit[0],
                "Remove e-mail addresses, phone numbers and messaging handles; let people reach "
                "you through the platform, where approaches can be reported.",
                10,
            )
        )
    network = _network(account, snapshot)
    if network:
        items.append(
            ExposureItem(
                "network_concentration",
                "Your network maps one sensitive site",
                network,
                "Hide your connection list in the privacy settings; it shows an outsider who "
                "works where.",
                15,
            )
        )
    score = min(100, sum(i.points for i in items))
    level = next(name for floor, name in _LEVELS if score >= floor)
    return ExposureReport(score, level, tuple(items))
