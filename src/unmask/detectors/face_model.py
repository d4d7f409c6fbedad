"""The trained part of ``synthetic_face``: standardised logistic regressions on groups of face
features, whose probabilities are averaged, stored as a versioned JSON artefact (numbers only, no
pickled code).

The default has two parts (``PARTS``): pixel traces with the face descriptor (``residual``,
``colour_residual``, ``embedding``), and the descriptor with colour and eye cues (``embedding``,
``colour``, ``eye_cues``). Each part's L2 strength ``C`` is chosen by a 3-fold cross-validation
inside the training data (log-loss; the copies of one photo stay in one inner fold).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from unmask.detectors.face_features import FEATURE_VERSION

ARTEFACT_FORMAT = "unmask.synthetic_face.logistic"
ARTEFACT_VERSION = 2
PARTS: tuple[tuple[str, ...], ...] = (
    ("residual", "colour_residual", "embedding"),
    ("embedding", "colour", "eye_cues"),
)
C_GRID: tuple[float, ...] = (0.03, 0.1, 0.3, 1.0)
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
        return cls(parts, int(body["n_genuine"]), int(body["n_fake"]))


def _fit(x: object, y: object, c: float) -> tuple[object, object, object]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xa, ya = np.asarray(x, dtype=float), np.asarray(y, dtype=int)
    mean = xa.mean(axis=0)
    scale = xa.std(axis=0)
    scale[scale < 1e-12] = 1.0
    lr = LogisticRegression(C=c, solver="liblinear", max_iter=5000)
    lr.fit((xa - mean) / scale, ya)
    return mean, scale, lr


def choose_c(
    x: object, y: Sequence[int], photo: Sequence[int], grid: Sequence[float] = C_GRID
) -> float:
    """The ``C`` of ``grid`` with the lowest 3-fold log-loss, folds split by photo."""
    import numpy as np
    from sklearn.metrics import log_loss
    from sklearn.model_selection import StratifiedGroupKFold

    xa, ya, ga = np.asarray(x, dtype=float), np.asarray(y, dtype=int), np.asarray(photo)
    if len(grid) == 1 or min(int(ya.sum()), int((1 - ya).sum())) < 6:
        return grid[-1]
    splits = list(StratifiedGroupKFold(3, shuffle=True, random_state=0).split(xa, ya, ga))
    losses = []
    for c in grid:
        loss = 0.0
        for tr, te in splits:
            mean, scale, lr = _fit(xa[tr], ya[tr], c)
            p = lr.predict_proba((xa[te] - mean) / scale)[:, 1]  # type: ignore[attr-defined]
            loss += log_loss(ya[te], p, labels=[0, 1])
        losses.append(loss)
    return grid[int(np.argmin(losses))]


def train(
    rows: Sequence[Features],
    y: Sequence[int],
    parts: Sequence[tuple[str, ...]] = PARTS,
    photo: Sequence[int] | None = None,
    grid: Sequence[float] = C_GRID,
) -> FaceModel:
    """Fit each part (scikit-learn logistic regression, L2, ``C`` from ``grid`` by inner CV).
    ``photo`` numbers the source photo of each row (augmented copies share it)."""
    import numpy as np

    ids = list(photo) if photo is not None else list(range(len(y)))
    fitted = []
    for groups in parts:
        x = np.asarray([[v for g in groups for v in r[g]] for r in rows], dtype=float)
        c = choose_c(x, y, ids, grid)
        mean, scale, lr = _fit(x, y, c)
        fitted.append(
            LogisticPart(
                tuple(groups),
                tuple(map(float, mean)),  # type: ignore[call-overload]
                tuple(map(float, scale)),  # type: ignore[call-overload]
                tuple(map(float, lr.coef_[0])),  # type: ignore[attr-defined]
                float(lr.intercept_[0]),  # type: ignore[attr-defined]
                float(c),
            )
        )
    ya = np.asarray(y, dtype=int)
    return FaceModel(tuple(fitted), int((ya == 0).sum()), int((ya == 1).sum()))
