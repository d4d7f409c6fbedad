"""``photo_reuse``: the same photo on several accounts, or a photo in an intelligence hash bank.

Robust to crops, resizes, recompression and mirroring when the photo file is readable
(``PhotoRef.uri`` is a local path or ``file://`` URI): the detector then hashes it itself, face
crops included (``photo_hashing``), and matches with the rules of ``photo_match``. When only the
hashes of the interchange record are known, or no face is found in the photo, it matches on
whole-image PDQ (+ pHash), which catches re-encodes but not crops, and says so in its evidence.
A face that agrees while nothing around it does is listed as a face-only candidate with weight 0
and never raises the score (``photo_match``). Indicators of kind ``photo_pdq`` (unexpired) are
matched on whole-image PDQ in all eight rotations and flips, at the exchanges' threshold of 31 bits.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.detectors.faces import local_path
from unmask.detectors.photo_hashing import PhotoHashes, hash_photo, hex_distance
from unmask.detectors.photo_match import PDQ_THRESHOLD, Match, PhotoBank
from unmask.model import Evidence, Finding, Indicator, PhotoRef, Snapshot
from unmask.model.enums import IndicatorKind


@functools.lru_cache(maxsize=4096)
def _hash_file(path: str, mtime_ns: int, size: int) -> PhotoHashes | None:
    try:
        return hash_photo(Path(path))
    except (OSError, ValueError):
        return None


def photo_hashes(photo: PhotoRef | None, read_files: bool = True) -> PhotoHashes | None:
    """Hashes for a ``PhotoRef``: computed from its file when readable, else from its fields."""
    if photo is None:
        return None
    path = local_path(photo.uri) if read_files else None
    if path is not None and path.is_file():
        stat = path.stat()
        hashes = _hash_file(str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if hashes is not None:
            return hashes
    if photo.pdq is None:
        return None
    return PhotoHashes(
        sha256=photo.sha256 or "",
        pdq=photo.pdq,
        pdq_quality=0,
        pdq_dihedral=(photo.pdq,),
        phash=photo.phash or "",
        phash_mirror=photo.phash or "",
        face=None,
    )


def _intel_hits(
    hashes: PhotoHashes, indicators: Sequence[Indicator]
) -> list[tuple[Indicator, int]]:
    hits: list[tuple[Indicator, int]] = []
    for ind in indicators:
        try:
            dist = min(hex_distance(v, ind.value) for v in hashes.pdq_dihedral)
        except ValueError:
            continue
        if dist <= PDQ_THRESHOLD:
            hits.append((ind, dist))
    return sorted(hits, key=lambda h: (h[1], h[0].id))


def _with_notes(finding: Finding, own: PhotoHashes, face_only: list[Match]) -> Finding:
    """Add what the score did not use: face-only candidates, and the whole-image fallback."""
    notes: list[Evidence] = []
    if face_only:
        notes.append(
            Evidence(
                f"the face resembles the photo of {len(face_only)} other account(s), but nothing "
                "around the face agrees (hair, clothes, background) and no whole-image hash "
                "matches: not counted as reuse (aligned faces, generated ones most of all, "
                "look alike)",
                weight=0.0,
                related=tuple(m.key for m in face_only[:50]),
                data={"face_only": [(m.key, m.distance) for m in face_only[:50]]},
            )
        )
    if own.face is None:
        hash_only = len(own.pdq_dihedral) == 1  # a record without a readable file
        why = "only the photo's hashes are known" if hash_only else "no face found in the photo"
        notes.append(
            Evidence(
                f"{why}: matched on whole-image hashes only (catches copies, re-encodes and "
                "resizes, not crops)",
                weight=0.0,
                data={"face_found": False},
            )
        )
    if not notes:
        return finding
    return dataclasses.replace(finding, evidence=(*finding.evidence, *notes))


class PhotoReuse:
    name: ClassVar[str] = "photo_reuse"
    version: ClassVar[str] = "2"
    needs: ClassVar[frozenset[str]] = frozenset({"account", "indicator"})
    description: ClassVar[str] = (
        "The same photo (after crops, resizes, recompression or mirroring) on several accounts, "
        "or in an intelligence hash bank (PDQ + pHash, face-aligned hashes)."
    )

    def __init__(self, read_files: bool = True) -> None:
        self.read_files = read_files

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        hashes: dict[str, PhotoHashes] = {}
        for account in snapshot.accounts.values():
            h = photo_hashes(account.photo, self.read_files)
            if h is not None:
                hashes[account.id] = h
        bank = PhotoBank()
        for key in sorted(hashes):
            bank.add_hashes(key, hashes[key])
        intel = [
            i
            for i in snapshot.indicators
            if i.kind is IndicatorKind.PHOTO_PDQ
            and (i.expires_at is None or i.expires_at > snapshot.as_of)
        ]
        out: list[Finding] = []
        for subject in subjects_of(snapshot, subjects):
            own = hashes.get(subject)
            if own is None:
                known = subject in snapshot.accounts
                reason = "no readable photo or photo hash" if known else "no profile"
                out.append(Finding.abstain(self.name, self.version, subject, reason))
                continue
            found = [m for m in bank.match(own, candidates=True) if m.key != subject]
            others = [m for m in found if m.rule != "face-only"]
            face_only = [m for m in found if m.rule == "face-only"]
            finding = self._finding(subject, others, _intel_hits(own, intel))
            out.append(_with_notes(finding, own, face_only))
        return out

    def _finding(
        self, subject: str, others: list[Match], hits: list[tuple[Indicator, int]]
    ) -> Finding:
        evidence: list[Evidence] = []
        score = 0.0
        if hits:
            best = max(ind.confidence for ind, _ in hits)
            score = max(score, 0.7 + 0.3 * best)
            ind, dist = hits[0]
            evidence.append(
                Evidence(
                    f"photo matches intelligence photo hash {ind.id} from {ind.source} "
                    f"(PDQ distance {dist} of 256)"
                    + (f", campaign {ind.campaign}" if ind.campaign else ""),
                    weight=score,
                    data={"indicators": [i.id for i, _ in hits]},
                )
            )
        if others:
            reuse = min(1.0, 0.6 + 0.1 * len(others))
            score = max(score, reuse)
            rules = sorted({m.rule for m in others})
            evidence.append(
                Evidence(
                    f"photo matches the photo of {len(others)} other account(s) "
                    f"(rules: {', '.join(rules)}; nearest distance {others[0].distance})",
                    weight=reuse,
                    member_text="this photo appears on other accounts",
                    related=tuple(m.key for m in others[:50]),
                    data={"matches": [(m.key, m.rule, m.distance) for m in others[:50]]},
                )
            )
        if not evidence:
            evidence.append(Evidence("photo matches no other account and no intelligence hash"))
        return Finding(self.name, self.version, subject, round(score, 4), tuple(evidence))
