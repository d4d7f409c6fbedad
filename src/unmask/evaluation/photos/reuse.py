"""Suite ``photo_reuse``: re-uploaded photos matched against the bank of all originals.

Every face image (300 real, 100 generated) is re-uploaded once: cropped to 85-95% of each side at a
random offset, resized to 200-700 px, mirrored in half the cases, JPEG quality 70 (seeded per
file). Each re-upload is matched against a ``PhotoBank`` holding all 400 originals, through the
same index the detector uses. ``recall``: share of re-uploads whose original matched;
``false_match_rate``: matched (re-upload, other original) pairs over all such pairs.

``FACE_THRESHOLD`` was chosen on the even-numbered files (split ``calibration``); the figures that
count are on the odd-numbered files (``held-out``). ``python -m unmask.evaluation.photos.reuse``
prints the calibration.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unmask.evaluation.photos.common import (
    cached_many,
    face_files,
    file_digest,
    reupload,
    rng_for,
)
from unmask.evaluation.rows import EvalRow

SUITE = "photo_reuse"
REQUIRES = ("faces/real", "faces/fake")
HASH_VERSION = "photo_hashing-2"


@dataclass(frozen=True)
class Case:
    key: str
    original: Any  # PhotoHashes
    query: Any  # PhotoHashes of the re-upload
    mirrored: bool
    held_out: bool


def _as_json(h: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(h)


def _from_json(d: dict[str, Any]) -> Any:
    from unmask.detectors.photo_hashing import FaceHashes, PhotoHashes, RegionHashes

    face = d.pop("face")
    d["pdq_dihedral"] = tuple(d["pdq_dihedral"])
    regions = (
        {r: RegionHashes(**{k: tuple(v) for k, v in face[r].items()}) for r in ("tight", "wide")}
        if face
        else None
    )
    return PhotoHashes(**d, face=FaceHashes(**regions) if regions else None)


def _hash_original(path: Path) -> dict[str, Any]:
    from unmask.detectors.photo_hashing import hash_photo

    return _as_json(hash_photo(path))


def _hash_reupload(path: Path, rng: random.Random, mirrored: bool) -> dict[str, Any]:
    from unmask.detectors.faces import open_rgb
    from unmask.detectors.photo_hashing import hash_image

    return _as_json(hash_image(reupload(open_rgb(path.read_bytes()), rng, mirrored)))


def cases(data: Path) -> list[Case]:
    files = face_files(data)
    jobs: list[tuple[list[str], Any]] = []
    mirrors: list[bool] = []
    for path, _label in files:
        digest = file_digest(path)
        rng = rng_for(path)
        mirrored = rng.random() < 0.5
        mirrors.append(mirrored)
        jobs.append(([HASH_VERSION, digest, "original"], functools.partial(_hash_original, path)))
        jobs.append(
            (
                [HASH_VERSION, digest, "reupload", str(mirrored)],
                functools.partial(_hash_reupload, path, rng, mirrored),
            )
        )
    values = cached_many("photo_reuse", jobs)
    return [
        Case(
            f"{path.parent.name}/{path.name}",
            _from_json(values[2 * i]),
            _from_json(values[2 * i + 1]),
            mirrors[i],
            i % 2 == 1,
        )
        for i, (path, _label) in enumerate(files)
    ]


def match_sets(all_cases: list[Case], whole_only: bool = False) -> list[set[str]]:
    from unmask.detectors.photo_match import PhotoBank

    bank = PhotoBank()
    for c in all_cases:
        if whole_only:
            bank.add(c.key, c.original.pdq, c.original.phash)
        else:
            bank.add_hashes(c.key, c.original)
    return [{m.key for m in bank.match(c.query)} for c in all_cases]


def rows_for(
    detector: str, split: str, chosen: list[Case], matched: list[set[str]], bank_size: int
) -> list[EvalRow]:
    rows: list[EvalRow] = []
    for part, keep in (
        ("all", lambda c: True),
        ("mirrored", lambda c: c.mirrored),
        ("not mirrored", lambda c: not c.mirrored),
    ):
        sel = [(c, m) for c, m in zip(chosen, matched, strict=True) if keep(c)]
        if not sel:
            continue
        n = len(sel)
        hits = sum(c.key in m for c, m in sel)
        false = sum(len(m - {c.key}) for c, m in sel)
        name = f"{split}, {part}"
        rows.append(EvalRow(detector, SUITE, name, "recall", hits / n, n))
        rows.append(
            EvalRow(detector, SUITE, name, "false_match_rate", false / (n * (bank_size - 1)), n)
        )
    return rows


def run(data: Path) -> list[EvalRow]:
    all_cases = cases(data)
    rows: list[EvalRow] = []
    for detector, whole_only in (("photo_reuse", False), ("photo_reuse[whole-image only]", True)):
        matched = match_sets(all_cases, whole_only)
        for split, held in (("held-out odd files", True), ("calibration even files", False)):
            idx = [i for i, c in enumerate(all_cases) if c.held_out == held]
            rows.extend(
                rows_for(
                    detector,
                    split,
                    [all_cases[i] for i in idx],
                    [matched[i] for i in idx],
                    len(all_cases),
                )
            )
    return rows


def calibrate(data: Path, budget: float = 0.0005) -> int:
    """The largest joint face distance whose false-match rate on the calibration (even) files
    stays within ``budget``; prints recall there for each candidate threshold."""
    from unmask.detectors.photo_match import face_distance

    all_cases = cases(data)
    calib = [c for c in all_cases if not c.held_out]
    true_d: list[int] = []
    false_d: list[int] = []
    for c in calib:
        for o in all_cases:
            if c.query.face is None or o.original.face is None:
                continue
            d = face_distance(c.query.face, o.original.face.canonical)
            (true_d if o.key == c.key else false_d).append(d)
    pairs = len(calib) * (len(all_cases) - 1)
    best = 0
    for t in range(120, 300):
        fmr = sum(d <= t for d in false_d) / pairs
        recall = sum(d <= t for d in true_d) / len(calib)
        print(f"threshold {t:3d}: recall {recall:.4f}  false-match rate {fmr:.6f}")
        if fmr <= budget:
            best = t
    print(f"chosen: {best} (false-match budget {budget})")
    return best


if __name__ == "__main__":
    from unmask.evaluation.rows import data_dir

    calibrate(data_dir())
