"""TweepFake (Fagni et al., PLoS ONE 2021): tweets by 17 humans and by 23 bots imitating them.

Bots are GPT-2, RNN and Markov/other generators, each trained on one human's tweets. The
account name is never a feature; it is used only to put a human and every bot that imitates
them into one persona group, so that a persona is wholly on one side of every split (stricter
than splitting by account: a test bot's target's own tweets are never in training). Leaks and
confounds removed, on both classes alike:

- links: 41% of human tweets carry a ``t.co`` link, under 7% of machine ones (the bots'
  pipelines dropped them): every URL is removed;
- handles name the persona: ``@name`` becomes ``@user``;
- a trailing "…" marks 7% of the "others" bots' tweets (cut by their pipeline): removed;
- tweets under 20 characters after that are dropped; each account keeps at most
  ``per_account`` tweets (a fixed seed), so that a few prolific accounts do not dominate.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np

from unmask.detectors.text_features import normalise_text
from unmask.evaluation.text import TextSample

SOURCE = "tweepfake"
FILES = tuple(Path(f"text/tweepfake/{s}.csv") for s in ("train", "validation", "test"))
PERSONAS: dict[str, tuple[str, ...]] = {
    "dril": ("dril", "dril_gpt2", "DrilRnn", "Gpt2Wint"),
    "trump": ("realDonaldTrump", "botustrump", "gpt2_trump", "deep_potus", "DeepDrumpf",
              "sarcastic_trump"),
    "musk": ("elonmusk", "DeepElonMusk", "Musk_from_Mars"),
    "modi": ("narendramodi", "AINarendraModi"),
    "genepark": ("GenePark", "GenePark_GPT2"),
    "trudeau": ("JustinTrudeau", "jaden", "theJadenTrudeau"),
    "thorin": ("Thorin", "deep_thorin"),
    "utilitylimb": ("UtilityLimb", "utilitylimbgpt2"),
    "vitalik": ("VitalikButerin", "VBoterin"),
    "ahadsheriff": ("ahadsheriff", "ahadsheriffbot"),
    "whale": ("awhalefact", "whalefakes"),
    "caleb": ("calebgamman", "calebgamman2"),
    "imranye": ("imranye", "imranyebot"),
    "kevinhooke": ("kevinhooke", "kevinhookebot"),
    "nsp": ("ninjasexparty", "nsp_gpt2"),
    "zawvrk": ("zawvrk", "zawarbot"),
}  # fmt: skip
_PERSONA_OF = {name: persona for persona, names in PERSONAS.items() for name in names}
_URL = re.compile(r"https?://\S+|\bt\.co/\S+")
_HANDLE = re.compile(r"@\w{1,30}")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """TweepFake's repairs on top of ``normalise_text`` (see the module docstring)."""
    t = text.rstrip()
    t = t[:-1] if t.endswith("\u2026") else t  # before NFKC turns it into "..."
    t = _HANDLE.sub("@user", _URL.sub(" ", normalise_text(t)))
    return _SPACE.sub(" ", t).strip()


def load_tweepfake(data: Path, per_account: int = 150, min_chars: int = 20) -> list[TextSample]:
    rows: list[dict[str, str]] = []
    for name in FILES:
        with (data / name).open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(fh, delimiter=";"))
    by_account: dict[str, list[TextSample]] = {}
    for row in rows:
        account = row["screen_name"]
        persona = _PERSONA_OF.get(account)
        if persona is None:
            raise ValueError(f"TweepFake account {account!r} has no persona group")
        text = clean(row["text"])
        if len(text) < min_chars:
            continue
        label = int(row["account.type"] == "bot")
        by_account.setdefault(account, []).append(
            TextSample(text, label, SOURCE, f"tweepfake:{persona}", row["class_type"])
        )
    rng = np.random.default_rng(0)
    out: list[TextSample] = []
    for account in sorted(by_account):
        items = sorted(set(by_account[account]), key=lambda s: s.text)
        if len(items) > per_account:
            items = [items[i] for i in sorted(rng.choice(len(items), per_account, replace=False))]
        out.extend(items)
    return out
