"""When two photos are the same photo: the matching rules and a bank that applies them at scale.

Two rules assert that two photos are the same photo:

* **whole image**: PDQ within ``PDQ_THRESHOLD`` bits (31 of 256, the threshold hash-sharing
  programmes use) in any rotation or flip, *and* pHash within ``PHASH_THRESHOLD`` of 64 (or the
  PDQ alone for a bank entry that carries no pHash, such as an intelligence indicator). Catches
  re-encodes and resizes; not crops.
* **face + context**: two eye-aligned face regions (``tight`` and ``wide``) agree on PDQ and
  pHash together, *and* so does the colour layout of what surrounds the face (hair, shoulders,
  clothes, background; ``photo_context``). Per face region, the joint distance is
  ``min over query variants (pdq distance + 2 * phash distance)``; the face agrees when the sum
  over the two regions is ``<= FACE_THRESHOLD``, and the context when its layout distance (mean
  RGB distance of the shared cells, least over the query variants) is
  ``<= CONTEXT_THRESHOLD``. Catches crops, resizes, recompression and mirroring.

A face that agrees while the context does not (or either side has no context hashes) is a
``face-only`` candidate: it is reported when asked for (``match(..., candidates=True)``) and never
asserts reuse. Aligned generated faces resemble each other: most face-only agreements between
different photos were between two generated faces, and at a bank of a million photos they would
be hundreds of false candidates per query. ``FACE_THRESHOLD`` and ``CONTEXT_THRESHOLD`` were
chosen on re-uploads of the even-numbered half of the evaluation faces (docs/photo-detectors.md);
figures are reported on pairs of the other half.
"""

from __future__ import annotations

from dataclasses import dataclass

from unmask.detectors.hamming_index import HammingIndex
from unmask.detectors.photo_context import layout_distance
from unmask.detectors.photo_hashing import FaceHashes, PhotoHashes, RegionHashes, hex_distance

PDQ_THRESHOLD = 31
PHASH_THRESHOLD = 10
FACE_THRESHOLD = 240
CONTEXT_THRESHOLD = 22.0
#: Face PDQ radius for index retrieval, before the joint check: when the sum of two regions'
#: joint distances is within the threshold, one of them is within half of it.
FACE_RETRIEVE = FACE_THRESHOLD // 2
_RANK = {"sha256": 0, "whole": 1, "face+context": 2, "face-only": 3}


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    rule: str  # "sha256", "whole", "face+context"; "face-only" (a candidate, never asserted)
    distance: int


def region_distance(query: RegionHashes, pdq: str, phash: str) -> int:
    """Joint distance of a query region to one stored canonical region (0 = identical)."""
    return min(
        hex_distance(q_pdq, pdq) + 2 * hex_distance(q_ph, phash) for q_pdq, q_ph in query.queries()
    )


def face_distance(query: FaceHashes, stored: tuple[str, str, str, str]) -> int:
    """Joint distance of a query face to a stored ``FaceHashes.canonical`` (both regions)."""
    tight_pdq, tight_phash, wide_pdq, wide_phash = stored
    return region_distance(query.tight, tight_pdq, tight_phash) + region_distance(
        query.wide, wide_pdq, wide_phash
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
        self._tight = HammingIndex(256, face_bands)
        self._wide = HammingIndex(256, face_bands)
        self._phash: dict[str, str | None] = {}
        self._face: dict[str, tuple[str, str, str, str]] = {}
        self._context: dict[str, str] = {}
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
            stored = face.canonical
            self._tight.add([key], [stored[0]])
            self._wide.add([key], [stored[2]])
            self._face[key] = stored
            if face.context is not None:
                self._context[key] = face.context.canonical

    def add_hashes(self, key: str, hashes: PhotoHashes) -> None:
        self.add(key, hashes.pdq, hashes.phash, hashes.sha256 or None, hashes.face)

    def match(self, query: PhotoHashes, candidates: bool = False) -> list[Match]:
        """Every stored photo that is the same photo as ``query``, best rule per key
        (``candidates``: also the face-only agreements, rule ``face-only``)."""
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
            for index, region in ((self._tight, query.face.tight), (self._wide, query.face.wide)):
                # the canonical alignment, plain and mirrored, retrieves; all variants then score
                for q_pdq in region.pdq + region.pdq_mirror:
                    seen.update(k for k, _ in index.query(q_pdq, FACE_RETRIEVE, self.exhaustive))
            for key in seen:
                dist = face_distance(query.face, self._face[key])
                if dist > FACE_THRESHOLD:
                    continue
                stored = self._context.get(key)
                context = query.face.context
                if (
                    context is not None
                    and stored is not None
                    and (d := layout_distance(context, stored)) is not None
                    and d <= CONTEXT_THRESHOLD
                ):
                    keep(Match(key, "face+context", dist))
                    continue
                if candidates:
                    keep(Match(key, "face-only", dist))
        return sorted(found.values(), key=lambda m: (m.distance, m.key))
