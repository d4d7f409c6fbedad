"""Perceptual hashes of a profile photo: one pure function for ingest, the checker and detectors.

``hash_photo(source)`` returns :class:`PhotoHashes`:

* ``sha256`` of the file bytes (exact reuse);
* ``pdq`` and ``phash``: the standard whole-image PDQ (256 bits, the hash trust-and-safety
  exchanges share, hex as ThreatExchange writes it) and pHash (64 bits), with ``pdq_dihedral``
  (the eight rotations and flips) for matching mirrored copies against intelligence banks;
* ``face``: hashes of two eye-aligned crops of the face (:class:`FaceHashes`), or None when no
  face is found. Whole-image DCT hashes break under a 10% crop (a centred 90% crop moves PDQ by
  ~110 of 256 bits); a crop anchored on the eyes does not move with the frame, so these hashes
  survive the crops, resizes, recompression and mirroring of a re-upload. There are two regions:
  ``tight`` (the face, eyes 0.45 of the side apart) and ``wide`` (eyes 0.36 apart: more hair,
  ears and outline, so a landmark error is a smaller part of the crop). Each is hashed at thirteen
  small perturbations of the alignment (scale and shift) and mirrored, so that a query can
  tolerate landmark jitter; an index holds only the canonical hashes. ``face.context`` is the
  colour layout around the face (``photo_context``), which corroborates a face match.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from unmask.detectors.faces import (
    ImageSource,
    Landmarks,
    _need,
    aligned_crop,
    find_face,
    open_rgb,
    read_bytes,
    sha256_hex,
)
from unmask.detectors.photo_context import ContextLayout, context_layout
from unmask.model import PhotoRef

if TYPE_CHECKING:
    from PIL.Image import Image

#: (scale, (shift x, shift y)) of each aligned crop; the first is the canonical alignment.
FACE_VARIANTS: tuple[tuple[float, tuple[float, float]], ...] = (
    (1.0, (0.0, 0.0)),
    (0.95, (0.0, 0.0)),
    (1.05, (0.0, 0.0)),
    (1.0, (0.04, 0.0)),
    (1.0, (-0.04, 0.0)),
    (1.0, (0.0, 0.04)),
    (1.0, (0.0, -0.04)),
    (0.9, (0.0, 0.0)),
    (1.1, (0.0, 0.0)),
    (1.0, (0.08, 0.0)),
    (1.0, (-0.08, 0.0)),
    (1.0, (0.0, 0.08)),
    (1.0, (0.0, -0.08)),
)
#: (eye distance, eye height) of each face region, as fractions of the crop's side.
FACE_REGIONS: dict[str, tuple[float, float]] = {"tight": (0.45, 0.35), "wide": (0.36, 0.38)}
#: Index of the left-right mirror in pdqhash's dihedral order.
PDQ_MIRROR = 5


@dataclass(frozen=True, slots=True)
class RegionHashes:
    """PDQ and pHash (hex) of one eye-aligned face region: one per ``FACE_VARIANTS`` entry."""

    pdq: tuple[str, ...]
    phash: tuple[str, ...]
    pdq_mirror: tuple[str, ...]
    phash_mirror: tuple[str, ...]

    @property
    def canonical(self) -> tuple[str, str]:
        return self.pdq[0], self.phash[0]

    def queries(self) -> list[tuple[str, str]]:
        """Every (pdq, phash) pair a query tries: each variant, plain and mirrored."""
        return list(zip(self.pdq + self.pdq_mirror, self.phash + self.phash_mirror, strict=True))


@dataclass(frozen=True, slots=True)
class FaceHashes:
    """Hashes of the two face regions (``FACE_REGIONS``) and the colour layout of what surrounds
    the face (``photo_context``; None in hashes made before it existed)."""

    tight: RegionHashes
    wide: RegionHashes
    context: ContextLayout | None = None

    @property
    def canonical(self) -> tuple[str, str, str, str]:
        """What a bank stores: (tight PDQ, tight pHash, wide PDQ, wide pHash)."""
        return self.tight.canonical + self.wide.canonical


@dataclass(frozen=True, slots=True)
class PhotoHashes:
    sha256: str
    pdq: str
    pdq_quality: int
    pdq_dihedral: tuple[str, ...]
    phash: str
    phash_mirror: str
    face: FaceHashes | None

    def photo_ref(self, uri: str | None = None) -> PhotoRef:
        """The interchange ``PhotoRef`` (whole-image PDQ and pHash, as banks exchange them)."""
        return PhotoRef(uri=uri, sha256=self.sha256, pdq=self.pdq, phash=self.phash)


def bits_to_hex(bits: Any) -> str:
    """A 0/1 vector, most significant bit first, as lower-case hex (ThreatExchange's PDQ form)."""
    np = _need("numpy")
    packed = np.packbits(np.asarray(bits, dtype=np.uint8).astype(bool))
    return bytes(packed).hex()


def hex_distance(a: str, b: str) -> int:
    """Hamming distance between two equal-length hex hashes."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def pdq_hex(image: Image) -> tuple[str, int]:
    np = _need("numpy")
    pdqhash = _need("pdqhash")
    bits, quality = pdqhash.compute(np.ascontiguousarray(np.asarray(image)))
    return bits_to_hex(bits), int(quality)


def pdq_dihedral_hex(image: Image) -> tuple[tuple[str, ...], int]:
    np = _need("numpy")
    pdqhash = _need("pdqhash")
    variants, quality = pdqhash.compute_dihedral(np.ascontiguousarray(np.asarray(image)))
    return tuple(bits_to_hex(v) for v in variants), int(quality)


def phash_hex(image: Image) -> str:
    imagehash = _need("imagehash")
    return str(imagehash.phash(image))


def mirror(image: Image) -> Image:
    pil = _need("PIL.Image")
    return image.transpose(pil.Transpose.FLIP_LEFT_RIGHT)


def region_hashes(image: Image, marks: Landmarks, eye_dist: float, eye_y: float) -> RegionHashes:
    pdq: list[str] = []
    phash: list[str] = []
    pdq_m: list[str] = []
    phash_m: list[str] = []
    for scale, shift in FACE_VARIANTS:
        crop = aligned_crop(image, marks, eye_dist=eye_dist, eye_y=eye_y, scale=scale, shift=shift)
        dihedral, _ = pdq_dihedral_hex(crop)
        pdq.append(dihedral[0])
        pdq_m.append(dihedral[PDQ_MIRROR])
        phash.append(phash_hex(crop))
        phash_m.append(phash_hex(mirror(crop)))
    return RegionHashes(tuple(pdq), tuple(phash), tuple(pdq_m), tuple(phash_m))


def face_hashes(image: Image) -> FaceHashes | None:
    marks = find_face(image)
    if marks is None:
        return None
    tight, wide = (region_hashes(image, marks, *FACE_REGIONS[r]) for r in ("tight", "wide"))
    return FaceHashes(tight, wide, context_layout(image, marks, FACE_VARIANTS))


def hash_image(image: Image, sha256: str = "", with_face: bool = True) -> PhotoHashes:
    """Hashes of a decoded RGB image (``sha256`` of its file, when known)."""
    dihedral, quality = pdq_dihedral_hex(image)
    return PhotoHashes(
        sha256=sha256,
        pdq=dihedral[0],
        pdq_quality=quality,
        pdq_dihedral=dihedral,
        phash=phash_hex(image),
        phash_mirror=phash_hex(mirror(image)),
        face=face_hashes(image) if with_face else None,
    )


def hash_photo(source: ImageSource, with_face: bool = True) -> PhotoHashes:
    """Hashes of an image file, ``file://`` URI or bytes. Raises ``OSError``/``ValueError``
    when it cannot be read or decoded."""
    data = read_bytes(source)
    return hash_image(open_rgb(data), sha256=sha256_hex(data), with_face=with_face)
