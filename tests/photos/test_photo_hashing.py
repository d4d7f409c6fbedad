"""Hashing drawn pictures: exact, re-encoded, resized and mirrored copies; aligned face crops."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from tests.photos.drawing import jpeg_bytes, picture

from unmask.detectors.faces import Landmarks, aligned_crop, local_path, recompress
from unmask.detectors.photo_context import ContextLayout, _encode, decode, layout_distance
from unmask.detectors.photo_hashing import (
    FACE_VARIANTS,
    FaceHashes,
    RegionHashes,
    bits_to_hex,
    hash_photo,
    hex_distance,
)
from unmask.detectors.photo_match import (
    CONTEXT_THRESHOLD,
    FACE_THRESHOLD,
    PDQ_THRESHOLD,
    PhotoBank,
    face_distance,
    whole_match,
)


def test_hex_helpers() -> None:
    assert bits_to_hex([1, 0, 0, 0, 0, 0, 0, 1] + [0] * 8) == "8100"
    assert hex_distance("ff00", "0f01") == 5


def test_hashes_have_exchange_shapes(tmp_path: Path) -> None:
    data = jpeg_bytes(picture(1))
    path = tmp_path / "a.jpg"
    path.write_bytes(data)
    from_bytes, from_path = hash_photo(data), hash_photo(path)
    from_uri = hash_photo(path.as_uri())
    assert from_bytes == from_path == from_uri
    assert len(from_bytes.pdq) == 64 and len(from_bytes.phash) == 16
    assert len(from_bytes.pdq_dihedral) == 8 and from_bytes.pdq_dihedral[0] == from_bytes.pdq
    assert from_bytes.face is None, "a drawing has no face"
    ref = from_bytes.photo_ref(uri=path.as_uri())
    assert ref.pdq == from_bytes.pdq and ref.sha256 == from_bytes.sha256


def test_reencoded_resized_and_mirrored_copies_match_but_others_do_not() -> None:
    original = hash_photo(jpeg_bytes(picture(2)))
    small = picture(2).resize((200, 200)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    copy = hash_photo(jpeg_bytes(small, quality=70))
    other = hash_photo(jpeg_bytes(picture(3)))
    assert whole_match(copy, original.pdq, original.phash) is not None
    assert whole_match(other, original.pdq, original.phash) is None
    bank = PhotoBank()
    bank.add_hashes("orig", original)
    bank.add_hashes("other", other)
    matches = bank.match(copy)
    assert [m.key for m in matches] == ["orig"] and matches[0].rule == "whole"
    assert matches[0].distance <= PDQ_THRESHOLD


def test_exact_file_matches_by_sha256() -> None:
    data = jpeg_bytes(picture(4))
    bank = PhotoBank()
    bank.add_hashes("a", hash_photo(data))
    assert bank.match(hash_photo(data))[0].rule == "sha256"


def test_unreadable_bytes_raise() -> None:
    with pytest.raises(OSError):
        hash_photo(b"not an image")


def test_local_path_accepts_paths_and_file_uris_only(tmp_path: Path) -> None:
    assert local_path("/x/y.jpg") == Path("/x/y.jpg")
    assert local_path((tmp_path / "a b.jpg").as_uri()) == tmp_path / "a b.jpg"
    assert local_path("https://example.org/a.jpg") is None
    assert local_path(None) is None


def test_aligned_crop_puts_the_eyes_level_at_fixed_places() -> None:
    image = Image.new("RGB", (300, 300), "white")
    # two dark "eyes" on a tilted line; landmarks are given, not detected
    for cx, cy in ((100, 140), (200, 160)):
        image.paste((0, 0, 0), (cx - 4, cy - 4, cx + 5, cy + 5))
    marks = Landmarks(
        ((96.0, 140.0), (104.0, 140.0), (196.0, 160.0), (204.0, 160.0), (150.0, 200.0))
    )
    crop = aligned_crop(image, marks, size=100, eye_dist=0.5, eye_y=0.4)
    grey = np.asarray(crop.convert("L"))
    assert grey[40, 25] < 80 and grey[40, 75] < 80
    assert grey[40, 50] > 200


def test_recompress_shrinks_and_never_enlarges() -> None:
    assert recompress(picture(5, 512)).size == (256, 256)
    assert recompress(picture(5, 100)).size == (100, 100)


def _region(rng: np.random.Generator, base: RegionHashes | None, flips: int) -> RegionHashes:
    """A region's hashes: random, or ``base`` with ``flips`` bits of every hash flipped."""

    def near(h: str | None, bits: int) -> str:
        value = int(h, 16) if h else int.from_bytes(rng.bytes(bits // 8), "big")
        for i in rng.choice(bits, size=flips if h else 0, replace=False):
            value ^= 1 << int(i)
        return f"{value:0{bits // 4}x}"

    n = len(FACE_VARIANTS)
    pick = (lambda f, i: getattr(base, f)[i]) if base else (lambda f, i: None)
    return RegionHashes(
        *(
            tuple(near(pick(f, i), 256 if "pdq" in f else 64) for i in range(n))
            for f in ("pdq", "phash", "pdq_mirror", "phash_mirror")
        )
    )


def _layout(rng: np.random.Generator, base: ContextLayout | None, noise: float) -> ContextLayout:
    """A context layout: random colours, or ``base``'s canonical colours moved by ``noise``."""
    if base is None:
        colours, valid = rng.uniform(20, 200, (64, 3)), rng.random(64) < 0.7
    else:
        colours, valid = decode(base.canonical)
        colours = colours + noise
    one = _encode(colours.reshape(8, 8, 3), valid.reshape(8, 8))
    return ContextLayout((one,) * len(FACE_VARIANTS), (one,) * len(FACE_VARIANTS))


def test_face_rule_sums_both_regions_and_needs_the_context_to_assert() -> None:
    rng = np.random.default_rng(0)
    ctx = _layout(rng, None, 0)
    original = FaceHashes(_region(rng, None, 0), _region(rng, None, 0), ctx)
    near_ctx = _layout(rng, ctx, 4.0)
    assert layout_distance(near_ctx, ctx.canonical) == pytest.approx(4.0 * 3**0.5, abs=0.01)
    near = FaceHashes(_region(rng, original.tight, 20), _region(rng, original.wide, 20), near_ctx)
    wide_only = FaceHashes(_region(rng, None, 0), _region(rng, original.wide, 5), near_ctx)
    stranger = FaceHashes(_region(rng, None, 0), _region(rng, None, 0), near_ctx)
    assert face_distance(near, original.canonical) == 2 * (20 + 2 * 20)
    assert face_distance(stranger, original.canonical) > FACE_THRESHOLD
    bank = PhotoBank()
    bank.add("orig", None, face=original)
    other = FaceHashes(_region(rng, None, 0), _region(rng, None, 0), _layout(rng, None, 0))
    bank.add("other", None, face=other)
    whole = hash_photo(jpeg_bytes(picture(6)))
    [match] = bank.match(replace(whole, face=near))
    assert (match.key, match.rule, match.distance) == ("orig", "face+context", 120)
    # the tight region is no help here: the wide region's index finds the candidate
    assert [m.key for m in bank.match(replace(whole, face=wide_only))] == ["orig"]
    assert bank.match(replace(whole, face=stranger)) == []
    # the same face in another setting (or with no context) is a candidate, never asserted
    elsewhere = replace(near, context=_layout(rng, ctx, CONTEXT_THRESHOLD))
    for face in (elsewhere, replace(near, context=None)):
        assert bank.match(replace(whole, face=face)) == []
        [candidate] = bank.match(replace(whole, face=face), candidates=True)
        assert (candidate.key, candidate.rule) == ("orig", "face-only")
