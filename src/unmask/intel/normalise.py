"""Canonical forms of indicator values, per kind: what exact matching compares.

``normalise(kind, value)`` returns the canonical key or raises ``ValueError`` with a reason a
person can act on ("not an e-mail address"). Names and companies lose accents, case, punctuation
and word order; companies also lose legal suffixes ("Ltd", "GmbH"); phones keep their last nine
digits (national and international forms then agree); URLs lose scheme, "www." and trailing "/".
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from unmask.model.enums import IndicatorKind

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_EMAIL = re.compile(r"^[^@\s]+@([a-z0-9-]+\.)+[a-z0-9-]{2,}$")
_DOMAIN = re.compile(r"^([a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_LEGAL = frozenset(
    [
        "ltd",
        "limited",
        "llc",
        "inc",
        "incorporated",
        "gmbh",
        "plc",
        "co",
        "corp",
        "corporation",
        "company",
        "sa",
        "ag",
        "bv",
        "nv",
        "pte",
        "pty",
        "srl",
        "sarl",
        "spa",
        "oy",
        "ab",
        "as",
        "kk",
        "llp",
        "lp",
        "the",
    ]
)
PHONE_DIGITS = 9
MIN_PHRASE = 12


def fold(text: str) -> str:
    """Accents off, case folded, punctuation to single spaces."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).replace("_", " ").split())


def name_key(text: str) -> str:
    """A person's name: folded, initials dropped, words sorted ("Lin, Sarah J." = "sarah lin")."""
    words = [w for w in fold(text).split() if len(w) > 1]
    return " ".join(sorted(words))


def company_key(text: str) -> str:
    words = [w for w in fold(text).split() if w not in _LEGAL]
    return " ".join(words)


def domain_key(text: str) -> str:
    value = text.strip().casefold().rstrip(".")
    if "://" in value:
        value = urlsplit(value).hostname or ""
    value = value.split("/")[0].split(":")[0].removeprefix("www.")
    try:
        value = value.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"not a domain name: {text!r}") from exc
    if not _DOMAIN.match(value):
        raise ValueError(f"not a domain name: {text!r}")
    return value


def url_key(text: str) -> str:
    value = text.strip()
    if "://" not in value:
        value = "http://" + value
    parts = urlsplit(value)
    host = (parts.hostname or "").casefold().removeprefix("www.")
    if not host or "." not in host:
        raise ValueError(f"not a URL: {text!r}")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def phone_key(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if len(digits) < 7 or len(digits) > 15:
        raise ValueError(f"not a phone number (7 to 15 digits): {text!r}")
    return digits[-PHONE_DIGITS:]


@lru_cache(maxsize=1 << 18)
def normalise(kind: IndicatorKind, value: str) -> str:
    """The canonical key (cached: names, companies and domains repeat across accounts)."""
    text = value.strip()
    if not text:
        raise ValueError("empty value")
    if kind is IndicatorKind.PERSONA_NAME:
        key = name_key(text)
    elif kind is IndicatorKind.COMPANY:
        key = company_key(text) or fold(text)
    elif kind is IndicatorKind.PHOTO_PDQ:
        key = text.casefold()
        if not _HEX64.match(key):
            raise ValueError("a PDQ hash is 64 hexadecimal characters")
    elif kind is IndicatorKind.EMAIL:
        key = text.casefold().removeprefix("mailto:")
        if not _EMAIL.match(key):
            raise ValueError(f"not an e-mail address: {text!r}")
    elif kind is IndicatorKind.DOMAIN:
        key = domain_key(text)
    elif kind is IndicatorKind.URL:
        key = url_key(text)
    elif kind is IndicatorKind.PHONE:
        key = phone_key(text)
    elif kind is IndicatorKind.IP_RANGE:
        try:
            key = str(ipaddress.ip_network(text, strict=False))
        except ValueError as exc:
            raise ValueError(f"not an IP address or range: {text!r}") from exc
    else:  # PHRASE
        key = fold(text)
        if len(key) < MIN_PHRASE:
            raise ValueError(f"a phrase needs at least {MIN_PHRASE} characters to be specific")
    if not key:
        raise ValueError(f"nothing left of {text!r} after normalising")
    return key
