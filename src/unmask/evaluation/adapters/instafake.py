"""InstaFake (Akyon & Kalfaoglu 2019): Instagram account features, fake vs real.

The source holds numbers only, no text and no dates. Mapping:

- ``userFollowerCount``/``userFollowingCount``/``userMediaCount`` -> ``stats.followers``/
  ``following``/``posts``; ``userHasProfilPic`` -> ``photo`` present or not.
- ``usernameLength``/``usernameDigitCount`` -> a placeholder ``name`` of that length with that many
  digits (only ``name_len`` and ``name_digits`` are used: the other name features would read the
  placeholder); ``userBiographyLength`` -> a placeholder ``headline`` of that length (only
  ``headline_len`` is used).
- Refused: ``userIsPrivate`` (no counterpart in the format).
- Not carried: creation date (so no account age), location, career, verification.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from unmask.evaluation.adapters import LabelledSet
from unmask.model import Account, AccountStats, PhotoRef, Snapshot

FILES = ("profiles/instafake/realAccountData.json", "profiles/instafake/fakeAccountData.json")
AS_OF = datetime(2019, 1, 1, tzinfo=UTC)
ABSENT = frozenset(
    {
        "created_at",
        "location",
        "about",
        "positions",
        "education",
        "skills",
        "verified",
        "organisations",
        "invitations",
        "stats.connections",
    }
)
SYNTHETIC = frozenset(
    {
        "name_tokens",
        "name_nonletter_frac",
        "name_lowercase",
        "headline_recruiter",
        "headline_has_url",
    }
)


def _count(row: dict[str, Any], key: str) -> int:
    return max(int(row.get(key) or 0), 0)


def _account(key: str, row: dict[str, Any]) -> Account:
    length, digits = _count(row, "usernameLength"), _count(row, "usernameDigitCount")
    digits = min(digits, length)
    name = ("a" * (length - digits) + "1" * digits) or "a"
    return Account(
        id=key,
        created_at=AS_OF,
        name=name[:300],
        headline="x" * min(_count(row, "userBiographyLength"), 500),
        photo=PhotoRef() if _count(row, "userHasProfilPic") else None,
        stats=AccountStats(
            followers=_count(row, "userFollowerCount"),
            following=_count(row, "userFollowingCount"),
            posts=_count(row, "userMediaCount"),
        ),
    )


def load(data: Path) -> LabelledSet:
    accounts: dict[str, Account] = {}
    labels: dict[str, bool] = {}
    for path in FILES:
        rows = json.loads((data / path).read_text(encoding="utf-8"))
        for row in rows:
            account = _account(f"ig-{len(accounts)}", row)
            accounts[account.id] = account
            labels[account.id] = bool(int(row["isFake"]))
    snapshot = Snapshot(accounts=accounts, as_of=AS_OF)
    return LabelledSet("instafake", snapshot, labels, ABSENT, SYNTHETIC)
