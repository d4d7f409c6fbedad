"""``synthetic_face``: an AI-generated (GAN/diffusion) profile photo.

Reads the image from ``PhotoRef.uri`` (a local path or ``file://`` URI) and abstains when there is
none, it cannot be read, or it shows no face. Two scorers, either or both:

* the trained classifier (``face_model``, ``face_training``) on face-region features
  (``face_features``, ``face_cues``): pixel and colour residual co-occurrences, colour statistics,
  eye cues and the dlib face descriptor, at native resolution and resolution-normalised.
  Fitted by ``unmask train`` from labelled accounts whose photos are readable; no trained model
  ships with unmask.
* an optional user-supplied ONNX model: path in the constructor or ``$UNMASK_SYNTHETIC_FACE_ONNX``.
  It receives one float32 tensor ``[1, 3, S, S]`` (RGB in [0, 1]) of the eye-aligned face crop
  (S from the model's input shape, 224 when dynamic; eyes level, 0.3 S apart, at 0.4 S height)
  and returns either one probability of "generated" or two class scores (softmax, index 1).

With both, the score is their mean. Eye geometry is given as evidence data only.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from unmask.detectors.base import subjects_of
from unmask.detectors.face_features import FaceFeatures, face_features
from unmask.detectors.face_model import AUGMENT, C_GRID, CANDIDATES, FaceModel, Features
from unmask.detectors.face_training import train
from unmask.detectors.faces import aligned_crop, find_face, local_path, open_rgb, recompress
from unmask.model import Evidence, Finding, PhotoRef, Snapshot


@functools.lru_cache(maxsize=2048)
def _features_of(
    path: str, mtime_ns: int, size: int, transform: tuple[int, int] | None
) -> FaceFeatures | None:
    try:
        image = open_rgb(Path(path).read_bytes())
        return face_features(recompress(image, *transform) if transform else image)
    except (OSError, ValueError):
        return None


def _readable(photo: PhotoRef | None) -> Path | None:
    path = local_path(photo.uri) if photo is not None else None
    return path if path is not None and path.is_file() else None


def photo_features(
    photo: PhotoRef | None, transform: tuple[int, int] | None = None
) -> FaceFeatures | None:
    """Face features of a readable photo (``transform``: of its copy shrunk to that many px on
    the longer side and saved at that JPEG quality)."""
    path = _readable(photo)
    if path is None:
        return None
    stat = path.stat()
    return _features_of(str(path.resolve()), stat.st_mtime_ns, stat.st_size, transform)


@functools.lru_cache(maxsize=4)
def _onnx_session(path: str) -> Any:
    try:
        import onnxruntime
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("onnxruntime is not installed: pip install 'unmask[text]'") from exc
    return onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])


def onnx_score(model_path: str, image_path: Path) -> float | None:
    """The ONNX model's probability that the face in ``image_path`` is generated."""
    import numpy as np

    session = _onnx_session(model_path)
    spec = session.get_inputs()[0]
    size = spec.shape[-1] if isinstance(spec.shape[-1], int) else 224
    image = open_rgb(image_path.read_bytes())
    marks = find_face(image)
    if marks is None:
        return None
    crop = aligned_crop(image, marks, size=size, eye_dist=0.3, eye_y=0.4)
    tensor = (np.asarray(crop, dtype=np.float32) / 255.0).transpose(2, 0, 1)[None]
    out = np.asarray(session.run(None, {spec.name: tensor})[0], dtype=float).ravel()
    if out.size >= 2:
        pair = out[:2]
        if not ((pair >= 0).all() and abs(pair.sum() - 1.0) < 1e-3):
            pair = np.exp(pair - pair.max()) / np.exp(pair - pair.max()).sum()
        return float(pair[1])
    return float(min(1.0, max(0.0, out[0])))


class SyntheticFace:
    name: ClassVar[str] = "synthetic_face"
    version: ClassVar[str] = "3"
    needs: ClassVar[frozenset[str]] = frozenset({"account"})
    description: ClassVar[str] = (
        "AI-generated profile photo: a classifier trained on face-region pixel and colour "
        "residuals, colour and eye cues and the face descriptor, and/or a user-supplied ONNX model."
    )

    def __init__(
        self,
        onnx_model: str | None = None,
        c: float | None = None,
        augment: bool = True,
        parts: tuple[tuple[str, ...], ...] | None = None,
    ) -> None:
        self.onnx_model = onnx_model
        self.c = c  # None: chosen per part by inner cross-validation
        self.augment = augment
        self.parts = parts  # None: chosen from CANDIDATES by inner cross-validation

    def _onnx_path(self) -> str | None:
        return self.onnx_model or None

    def fit(self, snapshot: Snapshot, labels: Mapping[str, bool]) -> SyntheticFace:
        """Train on labelled accounts with readable face photos (``augment``: each photo also as
        its ``AUGMENT`` copies, shrunk and recompressed as re-uploaded avatars are); the parts and
        each part's ``C`` are chosen by cross-validation inside these photos (``face_training``).
        Stays untrained (and says so in its abstentions) with fewer than two photos of a class."""
        x: list[Features] = []
        y: list[int] = []
        ids: list[int] = []
        for n, account_id in enumerate(sorted(labels)):
            account = snapshot.accounts.get(account_id)
            photo = account.photo if account is not None else None
            for transform in (None, *AUGMENT) if self.augment else (None,):
                feats = photo_features(photo, transform)
                if feats is not None:
                    x.append(feats.table())
                    y.append(int(labels[account_id]))
                    ids.append(n)
        self.n_train_ = len(y)
        self.model_: FaceModel | None = None
        if sum(y) >= 2 and len(y) - sum(y) >= 2:
            grid = (self.c,) if self.c is not None else C_GRID
            self.model_ = train(x, y, self.parts, ids, grid, CANDIDATES)
        return self

    def to_artifact(self) -> bytes:
        model: FaceModel | None = getattr(self, "model_", None)
        if model is None:
            raise ValueError(
                "synthetic_face is not trained: it needs readable photos (local path or file:// "
                "URI) showing a face for at least two fake and two genuine labelled accounts "
                f"(found {getattr(self, 'n_train_', 0)} usable photo samples)"
            )
        return model.to_bytes()

    def load_artifact(self, data: bytes) -> None:
        self.model_ = FaceModel.from_bytes(data)

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        model: FaceModel | None = getattr(self, "model_", None)
        onnx = self._onnx_path()
        out: list[Finding] = []
        for subject in subjects_of(snapshot, subjects):
            account = snapshot.accounts.get(subject)
            path = _readable(account.photo) if account is not None else None
            reason = self._missing(account is not None, path, model, onnx)
            feats = photo_features(account.photo) if account and not reason else None
            if not reason and feats is None:
                reason = "no face found in the photo"
            if reason or feats is None or path is None:
                out.append(Finding.abstain(self.name, self.version, subject, reason or "no face"))
                continue
            out.append(self._score(subject, feats, model, onnx, path))
        return out

    @staticmethod
    def _missing(known: bool, path: Path | None, model: FaceModel | None, onnx: str | None) -> str:
        if not known:
            return "no profile"
        if path is None:
            return "no readable photo (PhotoRef.uri must be a local path or file:// URI)"
        if model is None and onnx is None:
            return (
                "not trained (run 'unmask train') and no ONNX model ($UNMASK_SYNTHETIC_FACE_ONNX)"
            )
        return ""

    def _score(
        self,
        subject: str,
        feats: FaceFeatures,
        model: FaceModel | None,
        onnx: str | None,
        path: Path,
    ) -> Finding:
        scores: list[float] = []
        evidence: list[Evidence] = []
        if model is not None:
            p = model.predict(feats.table())
            scores.append(p)
            evidence.append(
                Evidence(
                    f"face classifier: {p:.0%} likely generated (trained on "
                    f"{model.n_fake} generated and {model.n_genuine} genuine photos)",
                    weight=p,
                    member_text="the photo shows signs of being computer-generated"
                    if p >= 0.8
                    else None,
                    data={"eyes": feats.eyes},
                )
            )
        if onnx is not None:
            q = onnx_score(onnx, path)
            if q is not None:
                scores.append(q)
                evidence.append(
                    Evidence(f"ONNX model {Path(onnx).name}: {q:.0%} likely generated", weight=q)
                )
        if not scores:
            return Finding.abstain(self.name, self.version, subject, "no face found by the model")
        score = sum(scores) / len(scores)
        return Finding(self.name, self.version, subject, round(score, 4), tuple(evidence))
