"""STIX patterns for each indicator kind, both ways.

Export writes one comparison per indicator (``[email-addr:value = 'x@front.example']``).
Import reads every ``object:path = 'value'`` comparison of a pattern (joined by OR or AND) whose
object path has a kind; other comparisons are reported, not guessed at. STIX has no phone,
company or phrase object, so those use ``x-unmask-*`` custom objects in patterns, documented in
docs/intel.md; ``identity:name`` is also read as a company.
"""

from __future__ import annotations

import re

from unmask.model.enums import IndicatorKind as K

EXPORT_PATH: dict[K, str] = {
    K.PERSONA_NAME: "user-account:display_name",
    K.PHOTO_PDQ: "file:hashes.PDQ",
    K.EMAIL: "email-addr:value",
    K.DOMAIN: "domain-name:value",
    K.PHONE: "x-unmask-phone:value",
    K.COMPANY: "x-unmask-company:name",
    K.URL: "url:value",
    K.IP_RANGE: "ipv4-addr:value",
    K.PHRASE: "x-unmask-phrase:value",
}
IMPORT_PATH: dict[str, K] = {v.casefold(): k for k, v in EXPORT_PATH.items()} | {
    "ipv6-addr:value": K.IP_RANGE,
    "user-account:account_login": K.PERSONA_NAME,
    "email-message:from_ref.value": K.EMAIL,
    "email-message:sender_ref.value": K.EMAIL,
    "file:hashes.'pdq'": K.PHOTO_PDQ,
    "identity:name": K.COMPANY,
    "x-phone-number:value": K.PHONE,
    "x-unmask-company:value": K.COMPANY,
}

_COMPARISON = re.compile(
    r"(?P<path>[a-z0-9-]+:[\w.'\[\]*-]+)\s*(?P<op>NOT\s+)?(?P<cmp>=|!=|LIKE|MATCHES|ISSUBSET|"
    r"ISSUPERSET|IN|<=|>=|<|>)\s*(?P<value>'(?:[^'\\]|\\.)*'|\([^)]*\)|[\w.:-]+)",
    re.IGNORECASE,
)


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def pattern_for(kind: K, value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("'", "\\'")
    return f"[{EXPORT_PATH[kind]} = '{escaped}']"


def read_pattern(pattern: str) -> tuple[list[tuple[K, str]], list[str]]:
    """(kind, value) of each usable comparison, and a description of each unusable one."""
    usable: list[tuple[K, str]] = []
    unusable: list[str] = []
    for m in _COMPARISON.finditer(pattern):
        path = m.group("path").casefold()
        op = m.group("cmp").upper()
        value = m.group("value")
        kind = IMPORT_PATH.get(path)
        negated = bool(m.group("op"))
        if kind is None:
            unusable.append(f"{m.group('path')}: no indicator kind for this object path")
        elif negated or op not in ("=", "ISSUBSET") or not value.startswith("'"):
            unusable.append(f"{m.group('path')} {op}: only equality (and ISSUBSET) is matched")
        else:
            usable.append((kind, _unquote(value)))
    if not usable and not unusable:
        unusable.append("no comparison found in the pattern")
    return usable, unusable
