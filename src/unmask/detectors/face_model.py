"""The trained part of ``synthetic_face``: standardised logistic regressions on groups of face
features, whose probabilities are averaged, stored as a versioned JSON artefact (numbers only, no
pickled code). Training (and the choice of parts and ``C`` by inner cross-validation) is in
``face_training``.

The parts are drawn from ``PARTS_ALL``: native-resolution pixel traces with the face descriptor
(``residual``, ``colour_residual``, ``embedding``), the descriptor with colour and eye cues
(``embedding``, ``colour``, ``eye_cues``), and resolution-normalised residuals, colour and
descriptor (``norm_*``). ``CANDIDATES`` are the combinations the inner cross-validation chooses
from; ``PARTS`` is version 2's fixed pair.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from unmask.detectors.face_features import FEATURE_VERSION

ARTEFACT_FORMAT = "unmask.synthetic_face.logistic"
ARTEFACT_VERSION = 3
NATIVE = ("residual", "colour_residual", "embedding")
CUES = ("embedding", "colour", "eye_cues")
NORM = ("norm_residual", "norm_colour", "norm_embedding")
PARTS: tuple[tuple[str, ...], ...] = (NATIVE, CUES)
PARTS_ALL: tuple[tuple[str, ...], ...] = (NATIVE, CUES, NORM)
CANDIDATES: tuple[tuple[tuple[str, ...], ...], ...] = (
    (NATIVE, CUES),
    (NATIVE, CUES, NORM),
    (CUES, NORM),
    (NATIVE, NORM),
    (NORM,),
)
C_GRID: tuple[float, ...] = (0.03, 0.1, 0.3, 1.0)
#: Training copies of every photo (longer side px, JPEG quality), besides the photo itself: the
#: resolutions and recompression of re-uploaded avatars, so that thumbnails score like originals.
AUGMENT: tuple[tuple[int, int], ...] = ((208, 70), (144, 80))
Features = Mapping[str, Sequence[float]]


class ArtefactError(ValueError):
    """The artefact is not one this version of the detector can load."""


@dataclass(frozen=True, slots=True)
class LogisticPart:
    groups: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    c: float

    def predict(self, features: Features) -> float:
        x = [v for g in self.groups for v in features[g]]
        if len(x) != len(self.coef):
            raise ValueError(f"expected {len(self.coef)} features, got {len(x)}")
        z = self.intercept + sum(
            c * (v - m) / s for c, v, m, s in zip(self.coef, x, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True, slots=True)
class FaceModel:
    parts: tuple[LogisticPart, ...]
    n_genuine: int
    n_fake: int
    #: (candidate parts, inner cross-validated partial ROC AUC) behind the choice of ``parts``
    selection: tuple[tuple[str, float], ...] = ()

    @property
    def groups(self) -> tuple[str, ...]:
        """Every feature group some part reads."""
        return tuple(dict.fromkeys(g for p in self.parts for g in p.groups))

    def predict(self, features: Features) -> float:
        """Mean of the parts' probabilities that the face is generated."""
        return sum(p.predict(features) for p in self.parts) / len(self.parts)

    def to_bytes(self) -> bytes:
        body = {
            "format": ARTEFACT_FORMAT,
            "version": ARTEFACT_VERSION,
            "feature_version": FEATURE_VERSION,
            "parts": [
                {
                    "groups": list(p.groups),
                    "mean": list(p.mean),
                    "scale": list(p.scale),
                    "coef": list(p.coef),
                    "intercept": p.intercept,
                    "c": p.c,
                }
                for p in self.parts
            ],
            "n_genuine": self.n_genuine,
            "n_fake": self.n_fake,
            "selection": [list(s) for s in self.selection],
        }
        return json.dumps(body, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> FaceModel:
        try:
            body = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ArtefactError("not a synthetic_face artefact (not JSON)") from exc
        if not isinstance(body, dict) or body.get("format") != ARTEFACT_FORMAT:
            raise ArtefactError("not a synthetic_face artefact")
        versions = (body.get("version"), body.get("feature_version"))
        if versions != (ARTEFACT_VERSION, FEATURE_VERSION):
            raise ArtefactError(
                f"artefact version {body.get('version')}/{body.get('feature_version')} does not "
                f"match {ARTEFACT_VERSION}/{FEATURE_VERSION}: retrain with 'unmask train'"
            )
        parts = tuple(
            LogisticPart(
                tuple(p["groups"]),
                tuple(p["mean"]),
                tuple(p["scale"]),
                tuple(p["coef"]),
                float(p["intercept"]),
                float(p["c"]),
            )
            for p in body["parts"]
        )
        selection = tuple((str(k), float(v)) for k, v in body.get("selection", []))
        return cls(parts, int(body["n_genuine"]), int(body["n_fake"]), selection)
