"""Faces in profile photos: loading, detection, 5-point landmarks and eye-aligned crops.

Shared by ``photo_hashing`` (face-anchored hashes that survive crops) and ``synthetic_face``.
Models come from the ``face_recognition_models`` package and run on ``dlib`` (the ``faces``
extra); only the 5-point landmark model is used (the 68-point one is for non-commercial use only).
Pillow, numpy and dlib are imported lazily so that importing this module never fails.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

if TYPE_CHECKING:
    from PIL.Image import Image

ImageSource = bytes | str | Path

#: Detection runs on a copy this many pixels on its longer side (then at full size if missed).
DETECT_SIDE = 320


class FacesUnavailableError(RuntimeError):
    """The optional ``faces`` extra (pillow, dlib-bin, face-recognition-models) is missing."""


def _need(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise FacesUnavailableError(
            f"{module} is not installed: install the faces extra (pip install 'unmask[faces]')"
        ) from exc


def local_path(uri: str | None) -> Path | None:
    """The local file a photo URI names (a plain path or ``file://``), or None."""
    if not uri:
        return None
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path))
    if parsed.scheme in ("", None) or (len(parsed.scheme) == 1 and uri[1:3] in (":\\", ":/")):
        return Path(uri)
    return None


def read_bytes(source: ImageSource) -> bytes:
    if isinstance(source, bytes):
        return source
    path = local_path(source) if isinstance(source, str) else source
    if path is None:
        raise ValueError(f"not a local photo: {source!r}")
    return path.read_bytes()


def open_rgb(data: bytes) -> Image:
    """Decode image bytes to RGB (raises ``OSError``/``ValueError`` on unreadable data)."""
    pil = _need("PIL.Image")
    with pil.open(io.BytesIO(data)) as im:
        im.load()
        rgb: Image = im.convert("RGB")
    return rgb


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Landmarks:
    """Five dlib landmarks in image pixels: two corners of each eye and the base of the nose."""

    points: tuple[tuple[float, float], ...]

    def eyes(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Eye centres, the one on the image's left first."""
        (a0, a1), (b0, b1) = self.points[0], self.points[1]
        (c0, c1), (d0, d1) = self.points[2], self.points[3]
        e1 = ((a0 + b0) / 2, (a1 + b1) / 2)
        e2 = ((c0 + d0) / 2, (c1 + d1) / 2)
        return (e1, e2) if e1[0] <= e2[0] else (e2, e1)


@functools.lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    dlib = _need("dlib")
    frm = _need("face_recognition_models")
    detector = dlib.get_frontal_face_detector()
    predictor = dlib.shape_predictor(frm.pose_predictor_five_point_model_location())
    return detector, predictor


def find_face(image: Image) -> Landmarks | None:
    """Landmarks of the largest frontal face, or None. Tries a small copy first, then full size."""
    import numpy as np

    dlib = _need("dlib")
    detector, predictor = _models()
    full = np.asarray(image)
    side = max(image.size)
    scale = min(1.0, DETECT_SIDE / side)
    small = np.asarray(image.resize((round(image.width * scale), round(image.height * scale))))
    attempts = [(small, scale, 0), (small, scale, 1)]
    if scale < 1.0:
        attempts += [(full, 1.0, 0)] + ([(full, 1.0, 1)] if side <= 720 else [])
    for array, s, upsample in attempts:
        boxes = detector(array, upsample)
        if len(boxes):
            box = max(boxes, key=lambda r: r.area())
            rect = dlib.rectangle(
                int(box.left() / s), int(box.top() / s), int(box.right() / s), int(box.bottom() / s)
            )
            shape = predictor(full, rect)
            return Landmarks(
                tuple((float(shape.part(i).x), float(shape.part(i).y)) for i in range(5))
            )
    return None


def aligned_crop(
    image: Image,
    marks: Landmarks,
    size: int = 128,
    eye_dist: float = 0.45,
    eye_y: float = 0.35,
    scale: float = 1.0,
    shift: tuple[float, float] = (0.0, 0.0),
) -> Image:
    """A ``size``-pixel square with the eyes level, ``eye_dist * size`` apart, at height ``eye_y``.

    ``scale`` and ``shift`` (in eye distances) perturb the alignment, for matching that tolerates
    landmark jitter.
    """
    import math

    pil = _need("PIL.Image")
    (lx, ly), (rx, ry) = marks.eyes()
    dx, dy = rx - lx, ry - ly
    span = math.hypot(dx, dy) or 1.0
    k = span / (eye_dist * size) * scale
    c, s = math.cos(math.atan2(dy, dx)) * k, math.sin(math.atan2(dy, dx)) * k
    mx, my = (lx + rx) / 2 + shift[0] * span, (ly + ry) / 2 + shift[1] * span
    u, v = 0.5 * size, eye_y * size
    coeffs = (c, -s, mx - (c * u - s * v), s, c, my - (s * u + c * v))
    return image.transform(
        (size, size), pil.Transform.AFFINE, coeffs, resample=pil.Resampling.BILINEAR
    )


def recompress(image: Image, side: int = 256, quality: int = 70) -> Image:
    """A re-uploaded copy: shrunk to ``side`` px on its longer side (never enlarged) and saved as
    JPEG ``quality``."""
    pil = _need("PIL.Image")
    scale = min(1.0, side / max(image.size))
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    buf = io.BytesIO()
    image.resize(size, pil.Resampling.BILINEAR).save(buf, "JPEG", quality=quality)
    return open_rgb(buf.getvalue())
