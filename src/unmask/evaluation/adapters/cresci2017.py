"""Cresci 2017 ("The paradigm-shift of social spambots"): genuine accounts vs eight bot families.

The class is in the file name, and which columns a file has gives it away (``crawled_at``,
``timestamp``, ``test_set_1/2`` exist in some files only), so every file is read through the same
Twitter profile fields (``adapters.twitter``: name, description, location, creation date, default
image, follower/following/post counts) and nothing else: ``lang`` (social spambots 1 are 900/991
Italian), ``time_zone``, ``utc_offset``, ``updated``, ``crawled_at`` and ``timestamp`` are never
read. The files were crawled at different times; no per-file crawl date is used, because that
would encode the class. All accounts share one ``as_of`` (``AS_OF``, when the set was released),
so account age means "age in March 2016" for both classes.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

from unmask.evaluation.adapters import LabelledSet, twitter
from unmask.model import Account, Snapshot

DIR = "profiles/cresci2017"
GENUINE = f"{DIR}/users_genuine_acconts.csv"
BOTS = tuple(
    f"{DIR}/users_{family}.csv"
    for family in (
        "social_spambots_1",
        "social_spambots_2",
        "social_spambots_3",
        "traditional_spambots_1",
        "traditional_spambots_2",
        "traditional_spambots_3",
        "traditional_spambots_4",
        "fake_followers",
    )
)
FILES = (GENUINE, *BOTS)
AS_OF = datetime(2016, 3, 15, tzinfo=UTC)


def load(data: Path) -> LabelledSet:
    accounts: dict[str, Account] = {}
    labels: dict[str, bool] = {}
    groups: dict[str, str] = {}
    for path in FILES:
        fake = path != GENUINE
        family = Path(path).stem.removeprefix("users_")
        with (data / path).open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                account = twitter.account_from_user(row, f"tw17-{row['id'].strip()}")
                if account.id in accounts:  # the same account in two files: keep the first
                    continue
                accounts[account.id] = account
                labels[account.id] = fake
                groups[account.id] = family
    snapshot = Snapshot(accounts=accounts, as_of=AS_OF)
    return LabelledSet("cresci2017", snapshot, labels, twitter.ABSENT, groups=groups)
