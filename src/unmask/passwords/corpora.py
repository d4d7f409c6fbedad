"""Common-password corpora that ship with installed packages (nothing is downloaded).

* zxcvbn's ``passwords`` frequency list (30,000 passwords ranked by frequency in leaked sets);
* Django's ``common-passwords.txt.gz`` (20,000 passwords) when Django happens to be importable.

Each corpus becomes a table ``prefix (5 hex) -> {suffix (35 hex): rank}`` of SHA-1 hashes, so that
the k-anonymity range answer can say "this is a common password" without the server ever seeing
the password or its full hash.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import lru_cache
from hashlib import sha1
from pathlib import Path


def zxcvbn_passwords() -> list[str]:
    try:
        from zxcvbn.frequency_lists import FREQUENCY_LISTS
    except ImportError:
        return []
    return list(FREQUENCY_LISTS.get("passwords", []))


def django_passwords() -> list[str]:
    try:
        from django.contrib.auth.password_validation import (  # type: ignore[import-not-found]
            CommonPasswordValidator,
        )
    except ImportError:
        return []
    path = Path(CommonPasswordValidator.DEFAULT_PASSWORD_LIST_PATH)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return [line.strip() for line in fh if line.strip()]
    except OSError:
        return []


def corpora() -> dict[str, list[str]]:
    """Name -> passwords (most common first) of every corpus available here."""
    found = {"zxcvbn": zxcvbn_passwords(), "django": django_passwords()}
    return {name: words for name, words in found.items() if words}


def _hashes(words: list[str]) -> Iterator[tuple[str, int]]:
    for rank, word in enumerate(words, start=1):
        yield sha1(word.encode("utf-8")).hexdigest().upper(), rank


@lru_cache(maxsize=1)
def common_table() -> Mapping[str, Mapping[str, int]]:
    """prefix -> {suffix: best rank} over every available corpus."""
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for words in corpora().values():
        for digest, rank in _hashes(words):
            bucket = table[digest[:5]]
            bucket[digest[5:]] = min(rank, bucket.get(digest[5:], rank))
    return dict(table)


def corpus_sizes() -> dict[str, int]:
    return {name: len(words) for name, words in corpora().items()}
