"""Features of the face in a photo, for telling generated faces from photographs.

All features come from the face region only (never the background):

* ``residual``: SPAM-style co-occurrences of truncated pixel differences (third order, T=2,
  horizontal and vertical) of the grey image and of the R-G and B-G colour differences, on a box
  around the face at native resolution (no resampling, which would erase generator traces);
* ``embedding``: the 128-d dlib ResNet face descriptor (``face_recognition_models``);
* ``colour_residual``, ``colour``, ``eye_cues``: colour-difference rich-model residuals, colour
  statistics, and the two eyes compared (specular highlights, irises): see ``face_cues``;
* ``norm_residual``, ``norm_colour``, ``norm_embedding``: the same residuals, colour statistics
  and descriptor after the photo is shrunk so that the eyes are ``NORM_EYE`` px apart (never
  enlarged): the scale a 160 px avatar has, so that these groups mean the same on an original
  and on a thumbnail of it;
* eye geometry (eye-centre positions and distance relative to the frame, roll): reported as
  evidence, not used by the classifier, because the evaluation faces are all aligned alike.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from unmask.detectors.faces import Landmarks, _need, find_face

if TYPE_CHECKING:
    from PIL.Image import Image

TRUNC = 2
FEATURE_VERSION = "face-features-3"
FEATURE_GROUPS = (
    "residual",
    "embedding",
    "colour_residual",
    "colour",
    "eye_cues",
    "norm_residual",
    "norm_colour",
    "norm_embedding",
)
#: Eye distance (px) of the resolution-normalised copy behind the ``norm_*`` groups.
NORM_EYE = 36.0


@dataclass(frozen=True, slots=True)
class FaceFeatures:
    residual: tuple[float, ...]
    embedding: tuple[float, ...]
    eyes: dict[str, float]
    colour_residual: tuple[float, ...] = ()
    colour: tuple[float, ...] = ()
    eye_cues: tuple[float, ...] = ()
    norm_residual: tuple[float, ...] = ()
    norm_colour: tuple[float, ...] = ()
    norm_embedding: tuple[float, ...] = ()

    def vector(self, groups: tuple[str, ...] = ("residual", "embedding")) -> list[float]:
        out: list[float] = []
        for g in groups:
            out.extend(getattr(self, g))
        return out

    def table(self) -> dict[str, tuple[float, ...]]:
        """Every numeric feature group by name (what ``face_model`` reads)."""
        return {g: getattr(self, g) for g in FEATURE_GROUPS}


def spam(channel: Any) -> Any:
    """Normalised histogram of (d1, d2, d3) triples of truncated neighbour differences."""
    np = _need("numpy")
    k = 2 * TRUNC + 1
    hist = np.zeros(k**3)
    for a in (channel, channel.T):
        r = np.clip(np.rint(np.diff(a, axis=1)), -TRUNC, TRUNC).astype(np.int64) + TRUNC
        idx = r[:, :-2] * k * k + r[:, 1:-1] * k + r[:, 2:]
        counts = np.bincount(idx.ravel(), minlength=k**3).astype(float)
        hist += counts / max(counts.sum(), 1.0)
    return hist / 2


def residual_features(rgb: Any) -> list[float]:
    np = _need("numpy")
    a = np.asarray(rgb, dtype=float)
    grey = a.mean(axis=-1)
    parts = [spam(grey), spam(a[..., 0] - a[..., 1]), spam(a[..., 2] - a[..., 1])]
    return [float(v) for v in np.concatenate(parts)]


def face_box(marks: Landmarks) -> tuple[int, int, int, int]:
    """A square around eyes, nose and mouth: 1.6 eye distances wide, from just above the eyes."""
    (lx, ly), (rx, ry) = marks.eyes()
    cx, cy = (lx + rx) / 2, (ly + ry) / 2
    d = math.hypot(rx - lx, ry - ly)
    half = int(0.8 * d)
    top = int(cy - 0.3 * d)
    return int(cx - half), top, int(cx + half), top + 2 * half


@functools.lru_cache(maxsize=1)
def _encoder() -> Any:
    dlib = _need("dlib")
    frm = _need("face_recognition_models")
    return dlib.face_recognition_model_v1(frm.face_recognition_model_location())


def embedding(image: Image, marks: Landmarks) -> list[float]:
    np = _need("numpy")
    dlib = _need("dlib")
    pts = dlib.points()
    for x, y in marks.points:
        pts.append(dlib.point(round(x), round(y)))
    x0, y0, x1, y1 = face_box(marks)
    shape = dlib.full_object_detection(dlib.rectangle(x0, y0, x1, y1), pts)
    return [float(v) for v in _encoder().compute_face_descriptor(np.asarray(image), shape)]


def eye_geometry(image: Image, marks: Landmarks) -> dict[str, float]:
    (lx, ly), (rx, ry) = marks.eyes()
    w, h = image.size
    return {
        "left_x": lx / w,
        "left_y": ly / h,
        "right_x": rx / w,
        "right_y": ry / h,
        "distance": math.hypot(rx - lx, ry - ly) / w,
        "roll_deg": math.degrees(math.atan2(ry - ly, rx - lx)),
    }


def normalised(image: Image, marks: Landmarks) -> tuple[Image, Landmarks]:
    """The photo shrunk so that the eyes are at most ``NORM_EYE`` px apart, and its landmarks."""
    pil = _need("PIL.Image")
    (lx, ly), (rx, ry) = marks.eyes()
    k = min(1.0, NORM_EYE / max(math.hypot(rx - lx, ry - ly), 1.0))
    if k >= 1.0:
        return image, marks
    size = (max(1, round(image.width * k)), max(1, round(image.height * k)))
    small = image.resize(size, pil.Resampling.BILINEAR)
    kx, ky = size[0] / image.width, size[1] / image.height
    return small, Landmarks(tuple((x * kx, y * ky) for x, y in marks.points))


def face_features(image: Image) -> FaceFeatures | None:
    """Features of the largest face, or None when no face is found or it is too small."""
    np = _need("numpy")
    marks = find_face(image)
    if marks is None:
        return None
    x0, y0, x1, y1 = face_box(marks)
    if x1 - x0 < 24:
        return None
    from unmask.detectors.face_cues import colour_residual, colour_stats, eye_cues

    crop = np.asarray(image.crop((x0, y0, x1, y1)))
    small, small_marks = normalised(image, marks)
    small_crop = np.asarray(small.crop(face_box(small_marks)))
    desc = embedding(image, marks)
    return FaceFeatures(
        tuple(residual_features(crop)),
        tuple(desc),
        eye_geometry(image, marks),
        tuple(colour_residual(crop)),
        tuple(colour_stats(crop)),
        tuple(eye_cues(np.asarray(image), marks)),
        tuple(residual_features(small_crop)),
        tuple(colour_stats(small_crop)),
        tuple(desc) if small is image else tuple(embedding(small, small_marks)),
    )
