"""Indicators as first-class records: validated values, stable ids, provenance, TLP and expiry.

An indicator's id is derived from its source, kind and canonical value, so the same fact from the
same source is one record however often it is imported, and the same fact from two sources is two
records (both provenances kept).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import datetime

from unmask.intel.normalise import normalise
from unmask.model.enums import IndicatorKind, Tlp
from unmask.model.records import Account, Indicator, Organisation

#: Sources whose indicators are ours to share (our own findings and reviewers' publications).
OWN_SOURCE_PREFIX = "unmask"
OWN_SOURCE = "unmask"

#: Common webmail domains: never an indicator on their own.
WEBMAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "yahoo.com",
        "proton.me",
        "protonmail.com",
        "icloud.com",
        "qq.com",
        "163.com",
        "126.com",
        "mail.ru",
        "yandex.ru",
        "gmx.de",
        "aol.com",
    ]
)

_SLUG = re.compile(r"[^a-z0-9._:-]+")


def indicator_id(source: str, kind: IndicatorKind, value: str) -> str:
    digest = hashlib.sha1(f"{kind.value}\x00{normalise(kind, value)}".encode()).hexdigest()
    slug = _SLUG.sub("-", source.casefold())[:80].strip("-") or "unknown"
    return f"{slug}:{kind.value}:{digest[:16]}"


def make_indicator(
    kind: IndicatorKind | str,
    value: str,
    source: str,
    created_at: datetime,
    *,
    confidence: float = 0.5,
    tlp: Tlp | str = Tlp.AMBER,
    expires_at: datetime | None = None,
    description: str = "",
    campaign: str | None = None,
    id: str | None = None,
) -> Indicator:
    """A validated indicator; ``ValueError`` (or pydantic's) says what is wrong with it."""
    kind = IndicatorKind(kind)
    normalise(kind, value)  # raises with a reason when the value is not of its kind
    return Indicator(
        id=id or indicator_id(source, kind, value),
        kind=kind,
        value=value.strip(),
        source=source,
        created_at=created_at,
        confidence=confidence,
        tlp=Tlp(tlp),
        expires_at=expires_at,
        description=description,
        campaign=campaign,
    )


def is_active(indicator: Indicator, now: datetime) -> bool:
    return indicator.expires_at is None or indicator.expires_at > now


def shareable(tlp: Tlp) -> bool:
    """TLP:RED never leaves: not in exports, not on the TAXII server."""
    return tlp is not Tlp.RED


def is_own(indicator: Indicator) -> bool:
    """Ours to publish; a partner's intelligence is never re-shared by us."""
    return indicator.source.casefold().startswith(OWN_SOURCE_PREFIX)


def persona_indicators(
    account: Account,
    employer: Organisation | None,
    *,
    source: str,
    created_at: datetime,
    campaign: str | None,
    confidence: float = 0.9,
    tlp: Tlp = Tlp.AMBER,
) -> list[Indicator]:
    """What a confirmed fake persona teaches: its name, photo (PDQ), a non-webmail sign-up
    domain and an employer that is not a verified organisation (fakes borrow real firms' names,
    so a verified employer is never published)."""
    found: list[tuple[IndicatorKind, str]] = [(IndicatorKind.PERSONA_NAME, account.name)]
    if account.photo is not None and account.photo.pdq:
        found.append((IndicatorKind.PHOTO_PDQ, account.photo.pdq))
    domain = account.registration.email_domain if account.registration else None
    if domain and domain.casefold() not in WEBMAIL:
        found.append((IndicatorKind.DOMAIN, domain))
    if account.positions and (employer is None or not employer.verified):
        found.append((IndicatorKind.COMPANY, account.positions[0].employer))
    out: list[Indicator] = []
    for kind, value in found:
        try:
            out.append(
                make_indicator(
                    kind,
                    value,
                    source,
                    created_at,
                    confidence=confidence,
                    tlp=tlp,
                    description=f"from confirmed fake account {account.id}",
                    campaign=campaign,
                )
            )
        except ValueError:
            continue  # e.g. a one-letter name: nothing specific to publish
    return out


def dedupe(indicators: Iterable[Indicator]) -> list[Indicator]:
    """One indicator per id (ids encode source, kind and value): the most confident, and of
    equals the first seen."""
    seen: dict[str, Indicator] = {}
    for ind in indicators:
        old = seen.get(ind.id)
        if old is None or ind.confidence > old.confidence:
            seen[ind.id] = ind
    return list(seen.values())
