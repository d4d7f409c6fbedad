"""What an account shows that intelligence can match: observables extracted from its records.

An observable is ``(subject, kind, value, where)``: the raw value (the matcher normalises it) and
a short place a reviewer can check ("name", "message m12", "sign-up e-mail domain").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from unmask.model.enums import IndicatorKind as K
from unmask.model.records import Account, Organisation
from unmask.model.snapshot import Snapshot


class Observable(NamedTuple):
    subject: str
    kind: K
    value: str
    where: str


_EMAIL = re.compile(r"[\w.+-]+@(?:[\w-]+\.)+[a-zA-Z]{2,}")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')]+", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ().-]{6,18}\d(?!\w)")


def text_observables(subject: str, text: str, where: str) -> Iterator[Observable]:
    """E-mails, URLs (and their hosts), phone numbers and the text itself (for phrases)."""
    if not text:
        return
    yield Observable(subject, K.PHRASE, text, where)
    for m in _EMAIL.finditer(text):
        yield Observable(subject, K.EMAIL, m.group(0), where)
        yield Observable(subject, K.DOMAIN, m.group(0).rsplit("@", 1)[1], where)
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:!?")
        yield Observable(subject, K.URL, url, where)
        host = re.sub(r"^(https?://)?", "", url, flags=re.IGNORECASE).split("/")[0]
        yield Observable(subject, K.DOMAIN, host, where)
    for m in _PHONE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 9:
            yield Observable(subject, K.PHONE, m.group(0), where)


def account_observables(
    account: Account, employers: Sequence[Organisation | None] = ()
) -> Iterator[Observable]:
    """The profile's own observables; ``employers`` are its positions' organisations, if known."""
    sid = account.id
    yield Observable(sid, K.PERSONA_NAME, account.name, "name")
    if account.photo is not None and account.photo.pdq:
        yield Observable(sid, K.PHOTO_PDQ, account.photo.pdq, "profile photo")
    reg = account.registration
    if reg is not None:
        if reg.email_domain:
            yield Observable(sid, K.DOMAIN, reg.email_domain, "sign-up e-mail domain")
        if reg.ip:
            yield Observable(sid, K.IP_RANGE, reg.ip, "sign-up IP address")
    for i, pos in enumerate(account.positions):
        yield Observable(sid, K.COMPANY, pos.employer, f"employer ({pos.title or 'position'})")
        org = employers[i] if i < len(employers) else None
        if org is not None:
            for site in (org.domain, org.website):
                if site:
                    yield Observable(sid, K.DOMAIN, site, f"website of employer {org.name}")
    for field in ("headline", "about"):
        yield from text_observables(sid, getattr(account, field), field)


def snapshot_observables(snapshot: Snapshot, subjects: Sequence[str]) -> Iterator[Observable]:
    """Profile, messages and invitation notes sent, and login addresses of each subject."""
    by_sender_inv = snapshot.invitations_by_sender
    by_sender_msg = snapshot.messages_by_sender
    by_login = snapshot.logins_by_account
    for subject in subjects:
        account = snapshot.accounts.get(subject)
        if account is None:
            continue
        employers = [
            snapshot.organisations.get(p.organisation_id or "")
            or snapshot.organisations_by_name.get(p.employer.casefold())
            for p in account.positions
        ]
        yield from account_observables(account, employers)
        for inv in by_sender_inv.get(subject, ()):
            yield from text_observables(subject, inv.note, f"invitation {inv.id}")
        for msg in by_sender_msg.get(subject, ()):
            yield from text_observables(subject, msg.body, f"message {msg.id}")
        for login in by_login.get(subject, ()):
            yield Observable(subject, K.IP_RANGE, login.ip, f"login {login.id}")
