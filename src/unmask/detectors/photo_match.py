"""When two photos are the same photo: the matching rules and a bank that applies them at scale.

Two rules, either suffices:

* **whole image**: PDQ within ``PDQ_THRESHOLD`` bits (31 of 256, the threshold hash-sharing
  programmes use) in any rotation or flip, *and* pHash within ``PHASH_THRESHOLD`` of 64 (or the
  PDQ alone for a bank entry that carries no pHash, such as an intelligence indicator). Catches
  re-encodes and resizes; not crops.
* **face**: the eye-aligned face crops agree on PDQ and pHash together:
  ``min over query variants (pdq distance + 2 * phash distance) <= FACE_THRESHOLD``. Aligned faces
  of different people are alike, so neither hash alone separates them well; the joint distance
  does. Catches crops, resizes, recompression and mirroring.

``FACE_THRESHOLD`` was chosen on re-uploads of the even-numbered half of the evaluation faces
(docs/photo-detectors.md); figures are reported on the other half.
"""

from __future__ import annotations

from dataclasses import dataclass

from unmask.detectors.hamming_index import HammingIndex
from unmask.detectors.photo_hashing import FaceHashes, PhotoHashes, hex_distance

PDQ_THRESHOLD = 31
PHASH_THRESHOLD = 10
FACE_THRESHOLD = 98
#: Face PDQ radius for index retrieval, before the joint check.
FACE_RETRIEVE = FACE_THRESHOLD
_RANK = {"sha256": 0, "whole": 1, "face": 2}


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    rule: str  # "sha256", "whole", "face"
    distance: int


def face_distance(query: FaceHashes, pdq: str, phash: str) -> int:
    """Joint distance of a query face to one stored canonical face (0 = identical)."""
    return min(
        hex_distance(q_pdq, pdq) + 2 * hex_distance(q_ph, phash) for q_pdq, q_ph in query.queries()
    )


def whole_match(query: PhotoHashes, pdq: str, phash: str | None) -> int | None:
    """The PDQ distance when the whole-image rule holds, else None."""
    dist = min(hex_distance(v, pdq) for v in query.pdq_dihedral)
    if dist > PDQ_THRESHOLD:
        return None
    if phash and query.phash:
        ph = min(hex_distance(query.phash, phash), hex_distance(query.phash_mirror, phash))
        if ph > PHASH_THRESHOLD:
            return None
    return dist


class PhotoBank:
    """Stored photos (accounts' photos, or an intelligence bank) and the query that matches them."""

    def __init__(self, exhaustive: bool = False, face_bands: int = 32) -> None:
        self.exhaustive = exhaustive
        self.face_bands = face_bands
        self._whole = HammingIndex(256, 16)
        self._face = HammingIndex(256, face_bands)
        self._phash: dict[str, str | None] = {}
        self._face_phash: dict[str, str] = {}
        self._sha: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return len(self._phash)

    def add(
        self,
        key: str,
        pdq: str | None,
        phash: str | None = None,
        sha256: str | None = None,
        face: FaceHashes | None = None,
    ) -> None:
        self._phash[key] = phash
        if pdq:
            self._whole.add([key], [pdq])
        if sha256:
            self._sha.setdefault(sha256, []).append(key)
        if face is not None:
            face_pdq, face_phash = face.canonical
            self._face.add([key], [face_pdq])
            self._face_phash[key] = face_phash

    def add_hashes(self, key: str, hashes: PhotoHashes) -> None:
        self.add(key, hashes.pdq, hashes.phash, hashes.sha256 or None, hashes.face)

    def match(self, query: PhotoHashes) -> list[Match]:
        """Every stored photo that is the same photo as ``query``, best rule per key."""
        found: dict[str, Match] = {}

        def keep(m: Match) -> None:
            old = found.get(m.key)
            if old is None or (_RANK[m.rule], m.distance) < (_RANK[old.rule], old.distance):
                found[m.key] = m

        for key in self._sha.get(query.sha256, []) if query.sha256 else []:
            keep(Match(key, "sha256", 0))
        for variant in query.pdq_dihedral:
            for key, _ in self._whole.query(variant, PDQ_THRESHOLD, self.exhaustive):
                dist = whole_match(query, self._whole.hash_of(key), self._phash.get(key))
                if dist is not None:
                    keep(Match(key, "whole", dist))
        if query.face is not None:
            seen: set[str] = set()
            for q_pdq, _ in query.face.queries():
                seen.update(k for k, _ in self._face.query(q_pdq, FACE_RETRIEVE, self.exhaustive))
            for key in seen:
                dist = face_distance(query.face, self._face.hash_of(key), self._face_phash[key])
                if dist <= FACE_THRESHOLD:
                    keep(Match(key, "face", dist))
        return sorted(found.values(), key=lambda m: (m.distance, m.key))
