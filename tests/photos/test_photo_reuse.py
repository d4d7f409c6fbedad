"""The photo_reuse detector on accounts whose photos the test draws."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image
from tests.photos.drawing import jpeg_bytes, picture

from unmask.detectors.photo_hashing import hash_photo
from unmask.detectors.photo_reuse import PhotoReuse
from unmask.model import Account, Indicator, PhotoRef, Snapshot
from unmask.model.enums import IndicatorKind

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _account(aid: str, photo: PhotoRef | None) -> Account:
    return Account(id=aid, created_at=T0 - timedelta(days=10), name=aid.title(), photo=photo)


def _file(tmp_path: Path, name: str, image: Image.Image, quality: int = 90) -> PhotoRef:
    path = tmp_path / name
    path.write_bytes(jpeg_bytes(image, quality))
    return PhotoRef(uri=path.as_uri())


def test_reused_photo_is_found_across_accounts_and_evidence_names_them(tmp_path: Path) -> None:
    copy = picture(7).resize((240, 240)).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    snap = Snapshot(
        accounts={
            "a": _account("a", _file(tmp_path, "a.jpg", picture(7))),
            "b": _account("b", _file(tmp_path, "b.jpg", copy, quality=70)),
            "c": _account("c", _file(tmp_path, "c.jpg", picture(8))),
            "d": _account("d", None),
        },
        as_of=T0,
    )
    found = {f.subject: f for f in PhotoReuse().detect(snap)}
    assert found["a"].score is not None and found["a"].score >= 0.7
    assert found["a"].evidence[0].related == ("b",)
    assert found["b"].evidence[0].related == ("a",)
    assert found["c"].score == 0.0
    assert found["d"].score is None and "photo" in found["d"].reason


def test_intelligence_bank_mirrored_and_hash_only_records(tmp_path: Path) -> None:
    mirrored = hash_photo(jpeg_bytes(picture(9).transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    reencoded = hash_photo(jpeg_bytes(picture(9), quality=60))
    indicator = Indicator(
        id="ind-1",
        kind=IndicatorKind.PHOTO_PDQ,
        value=mirrored.pdq,
        source="partner",
        created_at=T0,
        confidence=0.9,
        campaign="c-7",
    )
    expired = indicator.model_copy(update={"id": "ind-2", "expires_at": T0 - timedelta(days=1)})
    snap = Snapshot(
        accounts={
            "x": _account("x", _file(tmp_path, "x.jpg", picture(9))),
            "z": _account("z", reencoded.photo_ref()),
            "y": _account("y", PhotoRef(uri="https://cdn.example/y.jpg")),
        },
        indicators=[indicator, expired],
        as_of=T0,
    )
    x, y, z = PhotoReuse().detect(snap, ["x", "y", "z"])
    assert x.score is not None and x.score >= 0.9, "mirrored copy of an intelligence photo"
    assert "ind-1" in x.evidence[0].text and "c-7" in x.evidence[0].text
    assert x.evidence[0].member_text is None, "intelligence is never shown to members"
    assert x.evidence[0].data["indicators"] == ["ind-1"]
    assert x.evidence[1].related == ("z",), "a file and a hash-only record of the same photo"
    assert z.score is not None and z.evidence[0].related == ("x",)
    assert y.score is None, "a remote photo without hashes: abstain"


def test_unknown_subject_abstains() -> None:
    [finding] = PhotoReuse().detect(Snapshot(as_of=T0), ["ghost"])
    assert finding.score is None and finding.reason == "no profile"


def test_no_face_falls_back_to_whole_image_hashes_and_says_so(tmp_path: Path) -> None:
    snap = Snapshot(
        accounts={
            "a": _account("a", _file(tmp_path, "a.jpg", picture(11))),
            "b": _account("b", _file(tmp_path, "b.jpg", picture(11).resize((300, 300)), 70)),
        },
        as_of=T0,
    )
    a, _b = PhotoReuse().detect(snap, ["a", "b"])
    assert a.score is not None and a.score >= 0.7 and a.evidence[0].related == ("b",)
    [note] = [e for e in a.evidence if e.data.get("face_found") is False]
    assert "no face found" in note.text and "whole-image" in note.text and note.weight == 0.0
