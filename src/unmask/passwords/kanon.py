"""The k-anonymity range answer: the client sends the first 5 hex digits of the SHA-1 of a
password; the server answers with every known suffix under that prefix (breach counts and whether
the password is on a common-password list), padded with random suffixes (count 0) to a multiple of
``PAD`` entries so that the size of the answer says little about the prefix. The server never sees
the password or its full hash; the comparison happens on the member's device.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from hashlib import sha1

from unmask.passwords.index import BreachIndex

PREFIX = re.compile(r"^[0-9A-Fa-f]{5}$")
PAD = 128


class PrefixError(ValueError):
    """Only a 5-hex-digit prefix is accepted: never a longer piece of a hash."""


@dataclass(frozen=True, slots=True)
class RangeEntry:
    suffix: str
    count: int
    common: bool


def check_prefix(prefix: str) -> str:
    if not PREFIX.match(prefix):
        raise PrefixError("send exactly the first 5 hexadecimal digits of the SHA-1 hash")
    return prefix.upper()


def range_answer(
    prefix: str,
    indexes: Sequence[BreachIndex],
    common: Mapping[str, Mapping[str, int]],
    pad: int = PAD,
) -> list[RangeEntry]:
    prefix = check_prefix(prefix)
    counts: dict[str, int] = {}
    for index in indexes:
        for suffix, count in index.range(prefix):
            counts[suffix] = counts.get(suffix, 0) + count
    listed = common.get(prefix, {})
    real = {s: RangeEntry(s, counts.get(s, 0), s in listed) for s in {*counts, *listed}}
    target = max(pad, -(-len(real) // pad) * pad) if pad else len(real)
    while len(real) < target:
        fake = secrets.token_hex(18)[:35].upper()
        real.setdefault(fake, RangeEntry(fake, 0, False))
    return [real[s] for s in sorted(real)]


def local_check(
    password: str, indexes: Sequence[BreachIndex], common: Mapping[str, Mapping[str, int]]
) -> RangeEntry:
    """The same check done in-process (the CLI on the operator's own machine)."""
    digest = sha1(password.encode("utf-8")).hexdigest().upper()
    for entry in range_answer(digest[:5], indexes, common, pad=0):
        if entry.suffix == digest[5:]:
            return entry
    return RangeEntry(digest[5:], 0, False)
