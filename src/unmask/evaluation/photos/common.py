"""Shared pieces of the photo suites: the face images, the seeded re-upload, a feature cache.

The cache holds derived numbers (hashes, features) of third-party images outside the repository
(``$UNMASK_CACHE_DIR`` or ``~/.cache/unmask``), keyed by the image's SHA-256, the transform and
the code version, so a second run of a suite or its tests skips the slow image work.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unmask.settings import load_settings

if TYPE_CHECKING:
    from PIL.Image import Image

FACES = ("faces/real", "faces/fake")
SEED = 20260101


#: The generator of the images directly in ``faces/fake`` (data README: thispersondoesnotexist).
DEFAULT_GENERATOR = "stylegan2"


def face_files(data: Path) -> list[tuple[Path, int]]:
    """(path, is_fake) for every face image, in a fixed order (real first, by numeric id).
    Generated faces may sit directly in ``faces/fake`` or in one sub-folder per generator."""
    out: list[tuple[Path, int]] = []
    for label, sub in enumerate(FACES):
        files = sorted(
            (data / sub).rglob("*.jpg"),
            key=lambda p: (str(p.parent), len(p.stem), p.stem),
        )
        out.extend((p, label) for p in files)
    return out


def generator_of(path: Path, data: Path) -> str:
    """The generator of a generated face: its sub-folder of ``faces/fake``, or
    ``DEFAULT_GENERATOR`` for the images directly in it."""
    rel = path.relative_to(data / FACES[1])
    return rel.parts[0] if len(rel.parts) > 1 else DEFAULT_GENERATOR


def rng_for(path: Path, seed: int = SEED) -> random.Random:
    digest = hashlib.sha256(f"{seed}:{path.parent.name}/{path.name}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def jpeg(image: Image, quality: int) -> Image:
    from PIL import Image as PilImage

    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    with PilImage.open(buf) as im:
        return im.convert("RGB")


def reupload(image: Image, rng: random.Random, mirror: bool) -> Image:
    """A re-uploaded copy: a crop keeping 85-95% of each side at a random offset, a resize of the
    crop to 200-700 px, optionally mirrored, saved as JPEG quality 70."""
    from PIL import Image as PilImage

    w, h = image.size
    keep = rng.uniform(0.85, 0.95)
    cw, ch = round(w * keep), round(h * keep)
    x0, y0 = rng.randint(0, w - cw), rng.randint(0, h - ch)
    out = image.crop((x0, y0, x0 + cw, y0 + ch))
    side = rng.randint(200, 700)
    out = out.resize((side, round(side * ch / cw)), PilImage.Resampling.BILINEAR)
    if mirror:
        out = out.transpose(PilImage.Transpose.FLIP_LEFT_RIGHT)
    return jpeg(out, 70)


def downscale(image: Image, side: int = 256, quality: int = 70) -> Image:
    """The image shrunk to ``side`` px on its longer side and saved as JPEG ``quality``."""
    from unmask.detectors.faces import recompress

    return recompress(image, side, quality)


def cache_dir() -> Path:
    """``UNMASK_CACHE_DIR``: the evaluation harness reads its settings where it runs (its suites
    also run in worker processes)."""
    return load_settings().cache_dir


def _cache_path(namespace: str, key_parts: list[str]) -> Path:
    key = hashlib.sha256("\0".join(key_parts).encode()).hexdigest()[:32]
    return cache_dir() / "eval" / namespace / f"{key}.json"


def _store(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(value))
    tmp.replace(path)


def _load(path: Path) -> tuple[bool, Any]:
    if path.exists():
        try:
            return True, json.loads(path.read_text())
        except (OSError, ValueError):
            pass
    return False, None


def cached(namespace: str, key_parts: list[str], compute: Callable[[], Any]) -> Any:
    """``compute()`` memoised as JSON under the cache directory."""
    path = _cache_path(namespace, key_parts)
    found, value = _load(path)
    if not found:
        value = compute()
        _store(path, value)
    return value


def _call(compute: Callable[[], Any]) -> Any:
    return compute()


def cached_many(namespace: str, jobs: Sequence[tuple[list[str], Callable[[], Any]]]) -> list[Any]:
    """Like ``cached`` for many (key parts, compute) jobs: the missing ones are computed in
    ``$UNMASK_EVAL_WORKERS`` processes (default: one per core), so that a first run on an empty
    cache uses every core."""
    from concurrent.futures import ProcessPoolExecutor

    paths = [_cache_path(namespace, key) for key, _ in jobs]
    loaded = [_load(p) for p in paths]
    missing = [i for i, (found, _) in enumerate(loaded) if not found]
    values = [v for _, v in loaded]
    workers = load_settings().eval_processes
    if len(missing) > 4 and workers > 1:
        with ProcessPoolExecutor(min(workers, len(missing))) as pool:
            results = pool.map(_call, [jobs[i][1] for i in missing], chunksize=4)
            for i, value in zip(missing, results, strict=True):
                values[i] = value
                _store(paths[i], value)
    else:
        for i in missing:
            values[i] = jobs[i][1]()
            _store(paths[i], values[i])
    return values


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
