"""Bits shared by the console pages: avatars, account summaries, risk colours."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from unmask.cases.queries import records_in
from unmask.model.records import Account
from unmask.store.interface import Records

_HUES = (
    ("#6366f1", "#a855f7"),
    ("#0ea5e9", "#6366f1"),
    ("#f97316", "#ef4444"),
    ("#14b8a6", "#0ea5e9"),
    ("#ec4899", "#8b5cf6"),
    ("#84cc16", "#14b8a6"),
)


def avatar(name: str, seed: str, size: int = 40) -> Markup:
    """A photo placeholder: initials on a gradient chosen by the photo hash (or the id)."""
    initials = "".join(w[0] for w in name.split()[:2]).upper() or "?"
    index = int(hashlib.sha1(seed.encode()).hexdigest()[:4], 16)
    a, b = _HUES[index % len(_HUES)]
    gid = f"g{index:x}{size}"
    return Markup(
        f'<svg class="avatar" width="{size}" height="{size}" viewBox="0 0 40 40" '
        'aria-hidden="true">'
        f'<defs><linearGradient id="{gid}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" '
        f'stop-color="{a}"/><stop offset="1" stop-color="{b}"/></linearGradient></defs>'
        f'<rect width="40" height="40" rx="20" fill="url(#{gid})"/>'
        f'<text x="20" y="25.5" font-size="14" font-weight="700" fill="#fff" text-anchor="middle" '
        f'font-family="Liberation Sans, Arial, sans-serif">{escape(initials)}</text></svg>'
    )


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    headline: str
    avatar: Markup


def people(records: Records, ids: Iterable[str], size: int = 36) -> dict[str, Person]:
    out: dict[str, Person] = {}
    for a in records_in(records, Account, "id", ids):
        seed = (a.photo.sha256 or a.photo.pdq or a.id) if a.photo else a.id
        out[a.id] = Person(a.id, a.name, a.headline, avatar(a.name, seed or a.id, size))
    return out


def person(found: dict[str, Person], account_id: str, size: int = 36) -> Person:
    return found.get(account_id) or Person(
        account_id, account_id, "not in the store", avatar(account_id, account_id, size)
    )


def risk_class(risk: float) -> str:
    return "high" if risk >= 0.8 else "mid" if risk >= 0.5 else "low"
