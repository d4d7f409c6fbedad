"""Cresci 2015 ("Fame for sale"): genuine Twitter accounts vs bought fake followers.

Mapping into the interchange format (docs/profile-model.md lists it in full):

- ``name`` -> ``Account.name``; ``description`` -> ``headline`` (a short self-description);
  ``location`` -> ``location``; ``created_at`` -> ``created_at``; ``profile_image_url`` ->
  ``photo`` (the platform's default "egg" image counts as no photo);
  ``followers_count``/``friends_count``/``statuses_count`` -> ``stats.followers``/``following``/
  ``posts``.
- Refused as Twitter-only quirks with no professional-network counterpart: ``screen_name``,
  ``favourites_count``, ``listed_count``, ``url``, ``default_profile``, ``default_profile_image``,
  every ``profile_*`` colour, banner and background column, ``protected``, ``verified`` (a blue
  check, not e-mail or phone verification).
- Dropped as label leaks: ``dataset`` and ``updated`` (encode the label), ``lang``, ``time_zone``,
  ``utc_offset`` (nearly do). ``geo_enabled`` and the creation year are confounds: the year only
  enters through the account age, and ``geo_enabled`` is kept aside in ``confounds`` for the
  with/without diagnostic.

Both classes share one ``as_of`` (the collection date), so account age carries no collection-time
difference between the two files.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

from unmask.evaluation.adapters import LabelledSet
from unmask.model import Account, AccountStats, PhotoRef, Snapshot

FILES = ("profiles/cresci2015/users.csv", "profiles/cresci2015/fusers.csv")
AS_OF = datetime(2015, 2, 14, tzinfo=UTC)
ABSENT = frozenset(
    {
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


def _int(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def _account(row: dict[str, str]) -> Account:
    image = (row.get("profile_image_url") or "").strip()
    photo = None if not image or "default_profile" in image else PhotoRef(uri=image)
    name = (row.get("name") or "").strip() or (row.get("screen_name") or "?").strip() or "?"
    created = datetime.strptime(row["created_at"].strip(), "%a %b %d %H:%M:%S %z %Y")
    return Account(
        id=f"tw-{row['id'].strip()}",
        created_at=created.astimezone(UTC),
        name=name[:300],
        headline=(row.get("description") or "")[:500],
        location=(row.get("location") or "")[:300],
        photo=photo,
        stats=AccountStats(
            followers=_int(row.get("followers_count", "")),
            following=_int(row.get("friends_count", "")),
            posts=_int(row.get("statuses_count", "")),
        ),
    )


def load(data: Path) -> LabelledSet:
    accounts: dict[str, Account] = {}
    labels: dict[str, bool] = {}
    confounds: dict[str, dict[str, float]] = {}
    for path, fake in zip(FILES, (False, True), strict=True):
        with (data / path).open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                account = _account(row)
                accounts[account.id] = account
                labels[account.id] = fake
                confounds[account.id] = {
                    "geo_enabled": 1.0 if (row.get("geo_enabled") or "").strip() == "1" else 0.0,
                    "created_year": float(account.created_at.year),
                }
    snapshot = Snapshot(accounts=accounts, as_of=AS_OF)
    return LabelledSet("cresci2015", snapshot, labels, ABSENT, confounds=confounds)
