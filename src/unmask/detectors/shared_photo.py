"""``shared_photo``: the same photo file on several accounts (exact content hash).

The exact-hash baseline. Photos re-encoded or cropped between accounts need the perceptual
``photo_reuse`` detector; this one only catches byte-identical reuse, and abstains when the photo
has no hash.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.model import Evidence, Finding, Snapshot


class SharedPhoto:
    name: ClassVar[str] = "shared_photo"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"account"})
    description: ClassVar[str] = "The same photo file (SHA-256) on more than one account."

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        by_hash: dict[str, list[str]] = defaultdict(list)
        for acc in snapshot.accounts.values():
            if acc.photo is not None and acc.photo.sha256:
                by_hash[acc.photo.sha256].append(acc.id)
        out: list[Finding] = []
        for subject in subjects_of(snapshot, subjects):
            account = snapshot.accounts.get(subject)
            digest = account.photo.sha256 if account and account.photo else None
            if digest is None:
                out.append(Finding.abstain(self.name, self.version, subject, "no photo hash"))
                continue
            others = tuple(sorted(a for a in by_hash[digest] if a != subject))
            if others:
                score = min(1.0, 0.6 + 0.1 * len(others))
                text = f"photo is identical to the photo of {len(others)} other account(s)"
                member = "this photo appears on other accounts"
                evidence = Evidence(text, weight=score, member_text=member, related=others[:50])
            else:
                score = 0.0
                evidence = Evidence("photo is not shared with any other account")
            out.append(Finding(self.name, self.version, subject, score, (evidence,)))
        return out
