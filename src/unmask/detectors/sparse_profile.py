"""``sparse_profile``: a new, unverified account whose profile is thin.

A transparent rule score, not a learned model: each missing trust signal adds a fixed share. It is
weak on its own (genuine newcomers look like this too) and is meant to be combined by policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.model import Account, Evidence, Finding, Snapshot

# (weight, reviewer text, member text or None)
_SIGNALS: tuple[tuple[str, float, str, str | None], ...] = (
    ("young", 0.25, "account created {age} days before the snapshot", "the account is very new"),
    (
        "no_verification",
        0.25,
        "no verified e-mail, phone or workplace",
        "nothing on it is verified",
    ),
    ("no_photo", 0.10, "no profile photo", None),
    ("few_positions", 0.15, "{n_pos} position(s) listed", None),
    ("no_education", 0.10, "no education listed", None),
    ("short_about", 0.15, "about section has {n_about} characters", None),
)


class SparseProfile:
    name: ClassVar[str] = "sparse_profile"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"account"})
    description: ClassVar[str] = "New, unverified accounts with thin profiles (rule score)."

    def __init__(self, young_days: int = 60) -> None:
        self.young_days = young_days

    def _fired(self, account: Account, snapshot: Snapshot) -> dict[str, dict[str, int]]:
        age = (snapshot.as_of - account.created_at).days
        fired: dict[str, dict[str, int]] = {}
        if age < self.young_days:
            fired["young"] = {"age": max(age, 0)}
        if not (account.verified_email or account.verified_phone or account.verified_workplace):
            fired["no_verification"] = {}
        if account.photo is None:
            fired["no_photo"] = {}
        if len(account.positions) < 2:
            fired["few_positions"] = {"n_pos": len(account.positions)}
        if not account.education:
            fired["no_education"] = {}
        if len(account.about) < 40:
            fired["short_about"] = {"n_about": len(account.about)}
        return fired

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        out: list[Finding] = []
        for subject in subjects_of(snapshot, subjects):
            account = snapshot.accounts.get(subject)
            if account is None:
                out.append(Finding.abstain(self.name, self.version, subject, "no profile"))
                continue
            fired = self._fired(account, snapshot)
            score = sum(w for key, w, _, _ in _SIGNALS if key in fired)
            evidence = tuple(
                Evidence(text.format(**fired[key]), weight=w, member_text=member)
                for key, w, text, member in _SIGNALS
                if key in fired
            ) or (Evidence("profile is complete, verified and not new", weight=0.0),)
            out.append(Finding(self.name, self.version, subject, round(score, 4), evidence))
        return out
