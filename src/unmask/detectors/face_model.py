"""The trained part of ``synthetic_face``: a standardised logistic regression on face features,
stored as a versioned JSON artefact (numbers only, no pickled code)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

from unmask.detectors.face_features import FEATURE_VERSION

ARTEFACT_FORMAT = "unmask.synthetic_face.logistic"
ARTEFACT_VERSION = 1
GROUPS: tuple[str, ...] = ("residual", "embedding")


class ArtefactError(ValueError):
    """The artefact is not one this version of the detector can load."""


@dataclass(frozen=True, slots=True)
class FaceModel:
    groups: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    n_genuine: int
    n_fake: int

    def predict(self, x: Sequence[float]) -> float:
        if len(x) != len(self.coef):
            raise ValueError(f"expected {len(self.coef)} features, got {len(x)}")
        z = self.intercept + sum(
            c * (v - m) / s for c, v, m, s in zip(self.coef, x, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def to_bytes(self) -> bytes:
        body = {
            "format": ARTEFACT_FORMAT,
            "version": ARTEFACT_VERSION,
            "feature_version": FEATURE_VERSION,
            "groups": list(self.groups),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "n_genuine": self.n_genuine,
            "n_fake": self.n_fake,
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
        return cls(
            tuple(body["groups"]),
            tuple(body["mean"]),
            tuple(body["scale"]),
            tuple(body["coef"]),
            float(body["intercept"]),
            int(body["n_genuine"]),
            int(body["n_fake"]),
        )


def train(
    x: Sequence[Sequence[float]], y: Sequence[int], groups: tuple[str, ...] = GROUPS, c: float = 1.0
) -> FaceModel:
    """Fit the standardised logistic regression (scikit-learn, L2, ``C=c``, not tuned)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xa = np.asarray(x, dtype=float)
    ya = np.asarray(y, dtype=int)
    mean = xa.mean(axis=0)
    scale = xa.std(axis=0)
    scale[scale < 1e-12] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000).fit((xa - mean) / scale, ya)
    return FaceModel(
        groups,
        tuple(map(float, mean)),
        tuple(map(float, scale)),
        tuple(map(float, lr.coef_[0])),
        float(lr.intercept_[0]),
        int((ya == 0).sum()),
        int((ya == 1).sum()),
    )
