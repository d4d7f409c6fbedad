"""Map a Twitter v1.1 user object (a CSV row or the ``user`` of a tweet) into an ``Account``.

Shared by the Twitter adapters (cresci-2015, cresci-2017, the Botometer sets). Only the profile
fields every one of those sources carries are read:

- ``name`` -> ``Account.name`` (``screen_name`` only when the name is empty); ``description`` ->
  ``headline``; ``location`` -> ``location``; ``created_at`` -> ``created_at`` (the v1.1 text
  format, or epoch milliseconds as in one cresci-2017 file); ``profile_image_url`` -> ``photo``
  (the platform's default "egg" image counts as none); ``followers_count``/``friends_count``/
  ``statuses_count`` -> ``stats.followers``/``following``/``posts``.
- Never read: ``lang``, ``time_zone``, ``utc_offset`` (language and region confounds),
  ``verified`` (encodes the label in one source; a blue check is not e-mail or phone
  verification), ``updated``, ``crawled_at``, ``timestamp``, ``test_set_*``, ``dataset``
  (collection artefacts that give the class away), ``geo_enabled`` and every colour, banner and
  background column (Twitter-only quirks).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from unmask.model import Account, AccountStats, PhotoRef

#: Record fields no Twitter source carries (their features are left out).
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
V1_FORMAT = "%a %b %d %H:%M:%S %z %Y"


def parse_time(text: str) -> datetime:
    """A v1.1 ``created_at`` ("Wed Oct 07 03:19:21 +0000 2009") or epoch milliseconds."""
    text = text.strip()
    digits = text.rstrip("L")
    if digits.isdigit():
        return datetime.fromtimestamp(int(digits) / 1000.0, tz=UTC)
    return datetime.strptime(text, V1_FORMAT).astimezone(UTC)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return max(value, 0)
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def _text(value: Any) -> str:
    text = "" if value is None else str(value)
    return "" if text == "NULL" else text


def account_from_user(user: Mapping[str, Any], account_id: str) -> Account:
    image = _text(user.get("profile_image_url")).strip()
    photo = None if not image or "default_profile" in image else PhotoRef(uri=image[:2000])
    name = _text(user.get("name")).strip() or _text(user.get("screen_name")).strip() or "?"
    return Account(
        id=account_id,
        created_at=parse_time(_text(user.get("created_at"))),
        name=name[:300],
        headline=_text(user.get("description"))[:500],
        location=_text(user.get("location"))[:300],
        photo=photo,
        stats=AccountStats(
            followers=_int(user.get("followers_count")),
            following=_int(user.get("friends_count")),
            posts=_int(user.get("statuses_count")),
        ),
    )
