"""The Botometer bot repository sets (Yang et al. 2019): ``*.tsv`` labels and ``*_tweets.json``.

Each tweet carries the account's full user object as it was when the tweet was fetched, so an
account's counts are read as of that tweet's ``created_at`` (a per-account ``as_of``): ages and
rates are measured at the moment the counts were. Profile fields are read through
``adapters.twitter``; ``verified`` is never read (in ``vendor_verified_2019`` it encodes the label:
1,971 of 1,987 humans, 41 of 1,088 bots), nor ``lang``, ``time_zone`` or ``utc_offset``. The
collection year itself differs by class in ``vendor_verified_2019`` (bots 2017-18, humans 2019):
it is not a feature, but account age at collection remains a correlate.

``political_bots_2019`` holds bots only: it is loaded as extra positives (see
``evaluation.profile.sources``), never as a source of its own.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from unmask.evaluation.adapters import LabelledSet, twitter
from unmask.model import Account, Snapshot


@dataclass(frozen=True)
class BotometerSet:
    name: str
    parts: tuple[tuple[str, str], ...]  # (labels .tsv, tweets .json)

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(p for pair in self.parts for p in pair)


FEEDBACK = BotometerSet(
    "botometer_feedback_2019",
    (
        (
            "profiles/botometer_feedback_2019/botometer-feedback-2019.tsv",
            "profiles/botometer_feedback_2019/botometer-feedback-2019_tweets.json",
        ),
    ),
)
VENDOR_VERIFIED = BotometerSet(
    "vendor_verified_2019",
    (
        (
            "profiles/vendor_verified_2019/vendor-purchased-2019.tsv",
            "profiles/vendor_verified_2019/vendor-purchased-2019_tweets.json",
        ),
        (
            "profiles/vendor_verified_2019/verified-2019.tsv",
            "profiles/vendor_verified_2019/verified-2019_tweets.json",
        ),
    ),
)
POLITICAL = BotometerSet(
    "political_bots_2019",
    (
        (
            "profiles/political_bots_2019/political-bots-2019.tsv",
            "profiles/political_bots_2019/political-bots-2019_tweets.json",
        ),
    ),
)


def _labels(path: Path) -> dict[str, bool]:
    out: dict[str, bool] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) >= 2 and row[1].strip() in ("bot", "human"):
                out[row[0].strip()] = row[1].strip() == "bot"
    return out


def load(data: Path, source: BotometerSet) -> LabelledSet:
    accounts: dict[str, Account] = {}
    labels: dict[str, bool] = {}
    as_of: dict[str, datetime] = {}
    for tsv, tweets in source.parts:
        wanted = _labels(data / tsv)
        for tweet in json.loads((data / tweets).read_text(encoding="utf-8")):
            user = tweet.get("user") or {}
            uid = str(user.get("id_str") or user.get("id") or "")
            if uid not in wanted or f"tw-{uid}" in accounts:
                continue
            account = twitter.account_from_user(user, f"tw-{uid}")
            accounts[account.id] = account
            labels[account.id] = wanted[uid]
            seen = twitter.parse_time(str(tweet["created_at"]))
            as_of[account.id] = max(seen, account.created_at)
    snapshot = Snapshot(accounts=accounts, as_of=max(as_of.values()))
    return LabelledSet(source.name, snapshot, labels, twitter.ABSENT, as_of=as_of)
