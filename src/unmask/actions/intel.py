"""Publishing what a removal taught us as intelligence for the exchange: Indicator records for
the persona's name, photo (PDQ), e-mail domain and front company."""

from __future__ import annotations

import hashlib
from datetime import datetime

from unmask.model.enums import IndicatorKind, Tlp
from unmask.model.records import Account, Indicator, Organisation

SOURCE = "unmask-review"
_COMMON_MAIL = frozenset(
    {
        "gmail.com",
        "outlook.com",
        "hotmail.com",
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
    }
)


def _id(kind: IndicatorKind, value: str) -> str:
    return f"{SOURCE}:{kind.value}:{hashlib.sha1(value.casefold().encode()).hexdigest()[:12]}"


def indicators_for(
    account: Account,
    employer: Organisation | None,
    campaign: str | None,
    case_id: int,
    now: datetime,
) -> list[Indicator]:
    """Indicators from a removed account. A real, verified employer is never published (fakes
    borrow real firms' names); nor is a common webmail domain."""
    found: list[tuple[IndicatorKind, str]] = [(IndicatorKind.PERSONA_NAME, account.name)]
    if account.photo is not None and account.photo.pdq:
        found.append((IndicatorKind.PHOTO_PDQ, account.photo.pdq))
    domain = account.registration.email_domain if account.registration else None
    if domain and domain.casefold() not in _COMMON_MAIL:
        found.append((IndicatorKind.DOMAIN, domain.casefold()))
    if account.positions and (employer is None or not employer.verified):
        found.append((IndicatorKind.COMPANY, account.positions[0].employer))
    note = f"from removed account {account.id} (case {case_id})"
    return [
        Indicator(
            id=_id(kind, value),
            kind=kind,
            value=value,
            source=SOURCE,
            created_at=now,
            confidence=0.9,
            tlp=Tlp.AMBER,
            description=note,
            campaign=campaign,
        )
        for kind, value in found
    ]
