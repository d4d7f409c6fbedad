"""Small helpers shared by the simulator: time, ids, hashes and addresses."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import numpy as np

#: The simulated "now": fixed so that output does not depend on the wall clock.
NOW = int(datetime(2025, 6, 1, tzinfo=UTC).timestamp())
DAY = 86_400
#: Activity records (invitations, messages, logins, views) are exported for this window only,
#: for every account alike.
WINDOW_START = NOW - 180 * DAY
PLATFORM_START = int(datetime(2009, 1, 1, tzinfo=UTC).timestamp())

_ALLOWED_FIRST_OCTETS = np.array(
    [o for o in range(2, 224) if o not in (10, 100, 127, 169, 172, 192, 198, 203)],
    dtype=np.uint32,
)


def iso(ts: int) -> str:
    """Epoch seconds as ISO 8601 UTC text."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(ts)))


_CLOCK: list[str] = []


def iso_many(ts: np.ndarray) -> list[str]:
    """Epoch seconds (an int64 array) as ISO 8601 UTC texts: dates once per distinct day."""
    if not _CLOCK:
        _CLOCK.extend(f"T{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}Z" for s in range(DAY))
    ts = np.asarray(ts, dtype=np.int64)
    days, inverse = np.unique(ts // DAY, return_inverse=True)
    dates = np.datetime_as_string(days.astype("datetime64[D]")).tolist()
    clock = _CLOCK
    return [dates[d] + clock[s] for d, s in zip(inverse.tolist(), (ts % DAY).tolist(), strict=True)]


def month(ts: int) -> str:
    tm = time.gmtime(int(ts))
    return f"{tm.tm_year:04d}-{tm.tm_mon:02d}"


def year_of(ts: int) -> int:
    return time.gmtime(int(ts)).tm_year


def random_ips(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` public-looking IPv4 addresses as uint32 (synthetic: no traffic ever goes there)."""
    first = rng.choice(_ALLOWED_FIRST_OCTETS, size=n)
    rest = rng.integers(0, 1 << 24, size=n, dtype=np.uint32)
    out: np.ndarray = (first << np.uint32(24)) | rest
    return out


def random_subnet(rng: np.random.Generator) -> int:
    """A /24 network address as an int."""
    return int(random_ips(rng, 1)[0]) & 0xFFFFFF00


def ip_text(value: int) -> str:
    v = int(value)
    return f"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}"


def ip_texts(values: np.ndarray) -> list[str]:
    return [f"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}" for v in values.tolist()]


def hex_tokens(rng: np.random.Generator, n: int, nbytes: int) -> list[str]:
    """``n`` random hex strings of ``nbytes`` bytes each."""
    text = rng.bytes(n * nbytes).hex()
    w = 2 * nbytes
    return [text[i * w : (i + 1) * w] for i in range(n)]


def flip_bits(hex_value: str, bits: int, rng: np.random.Generator) -> str:
    """The hash with ``bits`` random bits flipped (a re-encoded or lightly edited photo)."""
    width = len(hex_value) * 4
    value = int(hex_value, 16)
    for b in rng.choice(width, size=bits, replace=False).tolist():
        value ^= 1 << b
    return f"{value:0{len(hex_value)}x}"


def user_agent(index: int) -> str:
    """Agents are indexed: >= 0 a common agent, < 0 an old or unusual one (``-index - 1``)."""
    from unmask.sim.vocab import OPERATOR_USER_AGENTS, USER_AGENTS

    return USER_AGENTS[index] if index >= 0 else OPERATOR_USER_AGENTS[-index - 1]


def account_id(index: int) -> str:
    return f"m{index:07d}"


def org_id(index: int) -> str:
    return f"o{index:06d}"
