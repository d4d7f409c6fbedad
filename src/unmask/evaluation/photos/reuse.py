"""Suite ``photo_reuse``: re-uploaded photos matched against the bank of all originals, and the
false candidates per query that the pair rates imply at platform bank sizes.

Every face image (300 real, 100 generated) is re-uploaded ``REUPLOADS`` times: cropped to 85-95%
of each side at a random offset, resized to 200-700 px, mirrored in half the cases, JPEG quality
70 (seeded per file and copy). Each re-upload is matched against a ``PhotoBank`` holding all 400
originals, through the same index the detector uses. ``recall``: share of re-uploads whose
original matched; ``false_match_rate``: matched (re-upload, other original) pairs over all such
pairs. ``scale_rows`` then uses every pair's exact distances (``reuse_scale``) for the false
candidates per query at 10k, 100k and 1M photos, by kind of pair.

``FACE_THRESHOLD`` and ``CONTEXT_THRESHOLD`` were chosen on pairs of even-numbered files
(``calibration``); the figures that count are on pairs of odd-numbered files (``held-out``).
``python -m unmask.evaluation.photos.reuse`` prints the choice.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unmask.evaluation.photos.common import (
    SEED,
    cached_many,
    face_files,
    file_digest,
    reupload,
    rng_for,
)
from unmask.evaluation.rows import EvalRow

SUITE = "photo_reuse"
REQUIRES = ("faces/real", "faces/fake")
HASH_VERSION = "photo_hashing-4"


#: The previous version's face threshold, when a face match alone asserted reuse.
PREVIOUS_FACE = 211
#: Re-uploads per photo (each with its own seeded crop, size, mirror).
REUPLOADS = 2


@dataclass(frozen=True)
class Case:
    key: str
    original: Any  # PhotoHashes
    queries: tuple[Any, ...]  # PhotoHashes of the re-uploads
    mirrored: tuple[bool, ...]
    held_out: bool
    fake: bool

    @property
    def query(self) -> Any:
        return self.queries[0]


def _as_json(h: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(h)


def _from_json(d: dict[str, Any]) -> Any:
    from unmask.detectors.photo_context import ContextLayout
    from unmask.detectors.photo_hashing import FaceHashes, PhotoHashes, RegionHashes

    face = d.pop("face")
    d["pdq_dihedral"] = tuple(d["pdq_dihedral"])
    if not face:
        return PhotoHashes(**d, face=None)
    tight, wide = (
        RegionHashes(**{k: tuple(v) for k, v in face[r].items()}) for r in ("tight", "wide")
    )
    ctx = face.get("context")
    context = ContextLayout(tuple(ctx["cells"]), tuple(ctx["cells_mirror"])) if ctx else None
    return PhotoHashes(**d, face=FaceHashes(tight, wide, context))


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
    mirrors: list[tuple[bool, ...]] = []
    for path, _label in files:
        digest = file_digest(path)
        jobs.append(([HASH_VERSION, digest, "original"], functools.partial(_hash_original, path)))
        flags = []
        for k in range(REUPLOADS):
            rng = rng_for(path) if k == 0 else rng_for(path, SEED + k)
            mirrored = rng.random() < 0.5
            flags.append(mirrored)
            key = [HASH_VERSION, digest, "reupload", str(mirrored)] + ([str(k)] if k else [])
            jobs.append((key, functools.partial(_hash_reupload, path, rng, mirrored)))
        mirrors.append(tuple(flags))
    values = cached_many("photo_reuse", jobs)
    step = 1 + REUPLOADS
    return [
        Case(
            f"{path.parent.name}/{path.name}",
            _from_json(values[step * i]),
            tuple(_from_json(v) for v in values[step * i + 1 : step * (i + 1)]),
            mirrors[i],
            i % 2 == 1,
            bool(label),
        )
        for i, (path, label) in enumerate(files)
    ]


def match_sets(all_cases: list[Case], whole_only: bool = False) -> list[list[set[str]]]:
    """What the detector's own ``PhotoBank`` asserts for every re-upload of every case."""
    from unmask.detectors.photo_match import PhotoBank

    bank = PhotoBank()
    for c in all_cases:
        if whole_only:
            bank.add(c.key, c.original.pdq, c.original.phash)
        else:
            bank.add_hashes(c.key, c.original)
    return [[{m.key for m in bank.match(q)} for q in c.queries] for c in all_cases]


def rows_for(
    detector: str, split: str, chosen: list[Case], matched: list[list[set[str]]], bank_size: int
) -> list[EvalRow]:
    flat = [
        (c, q, mirrored, m)
        for c, ms in zip(chosen, matched, strict=True)
        for q, mirrored, m in zip(c.queries, c.mirrored, ms, strict=True)
    ]
    rows: list[EvalRow] = []
    for part, keep in (
        ("all", lambda f: True),
        ("mirrored", lambda f: f[2]),
        ("not mirrored", lambda f: not f[2]),
        ("no face found in the re-upload", lambda f: f[1].face is None),
    ):
        sel = [f for f in flat if keep(f)]
        if not sel:
            continue
        n = len(sel)
        hits = sum(c.key in m for c, _q, _mir, m in sel)
        false = sum(len(m - {c.key}) for c, _q, _mir, m in sel)
        name = f"{split}, {part}"
        rows.append(EvalRow(detector, SUITE, name, "recall", hits / n, n))
        rows.append(
            EvalRow(detector, SUITE, name, "false_match_rate", false / (n * (bank_size - 1)), n)
        )
    return rows


_PAIRS: dict[tuple[str, ...], Any] = {}


def scale_pairs(all_cases: list[Case]) -> Any:
    """Pairwise distances of every query (re-uploads and originals) to every original
    (memoised per set of photos: the suite and the calibration share them)."""
    from unmask.evaluation.photos.reuse_scale import pairs

    key = tuple(c.original.sha256 for c in all_cases)
    if key in _PAIRS:
        return _PAIRS[key]

    queries = [(i, q, False) for i, c in enumerate(all_cases) for q in c.queries]
    queries += [(i, c.original, True) for i, c in enumerate(all_cases)]
    _PAIRS[key] = pairs(queries, [c.original for c in all_cases], [int(c.fake) for c in all_cases])
    return _PAIRS[key]


def scale_rows(p: Any) -> list[EvalRow]:
    """Held-out false-match rates by pair kind and the false candidates per query they imply."""
    from unmask.detectors.photo_match import CONTEXT_THRESHOLD, FACE_THRESHOLD
    from unmask.evaluation.photos.reuse_scale import BANK_SIZES, factorised, masks, upper_bound

    rows: list[EvalRow] = []
    rules = (
        ("photo_reuse", p.asserted(FACE_THRESHOLD, CONTEXT_THRESHOLD)),
        ("photo_reuse[face alone asserts, previous rule]", p.whole | p.face_only(PREVIOUS_FACE)),
    )
    for detector, asserted in rules:
        genuine, _ = masks(p, held_out=True)
        n_gen = int(genuine.sum())
        rows.append(
            EvalRow(
                detector,
                SUITE,
                "held-out pairs, exact",
                "recall",
                float(asserted[genuine].mean()),
                n_gen,
            )
        )
        for kind in ("all", "generated-generated", "photo-photo", "mixed"):
            _, imp = masks(p, True, kind)
            n, k = int(imp.sum()), int(asserted[imp].sum())
            rates = {"observed": k / n, "95% upper bound": upper_bound(k, n)}
            if detector == "photo_reuse":
                rates["factorised"] = factorised(p, imp, FACE_THRESHOLD, CONTEXT_THRESHOLD)
            else:
                rates["factorised"] = rates["observed"]
            base = f"held-out pairs, {kind}"
            rows.append(EvalRow(detector, SUITE, base, "false_match_rate", k / n, n))
            for est, rate in rates.items():
                for size in BANK_SIZES:
                    split = f"{base}, bank {size:,}, {est}"
                    rows.append(
                        EvalRow(
                            detector,
                            SUITE,
                            split,
                            "false_candidates_per_query",
                            rate * (size - 1),
                            n,
                        )
                    )
    return rows


def run(data: Path) -> list[EvalRow]:
    all_cases = cases(data)
    rows: list[EvalRow] = []
    n_queries = sum(len(c.queries) for c in all_cases)
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
    assert n_queries == REUPLOADS * len(all_cases)
    rows.extend(scale_rows(scale_pairs(all_cases)))
    return rows


FACE_GRID = tuple(range(170, 241, 5))
CONTEXT_GRID = tuple(float(c) for c in range(10, 41, 2))


def calibrate(data: Path) -> tuple[int, float]:
    """The face and context thresholds chosen on the calibration (even) files only."""
    from unmask.evaluation.photos.reuse_scale import PAIR_BUDGET
    from unmask.evaluation.photos.reuse_scale import calibrate as choose

    p = scale_pairs(cases(data))
    tf, tc, recall = choose(p, FACE_GRID, CONTEXT_GRID)
    print(
        f"chosen on calibration pairs: face <= {tf}, context <= {tc} (recall {recall:.4f}, "
        f"factorised false-match budget {PAIR_BUDGET:g} per pair)"
    )
    return tf, tc


if __name__ == "__main__":
    from unmask.evaluation.rows import data_dir

    calibrate(data_dir())
