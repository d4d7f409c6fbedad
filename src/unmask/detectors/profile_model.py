"""``profile_model``: a learned classifier (LightGBM) over platform-free profile features.

Features come from ``profile_features`` (the one definition shared with the batch engine, the
checker and the evaluation suites); by default ``MODEL_FEATURES``: ratios, rates per day of age,
flags and fractions, never raw platform-scaled counts. ``fit`` trains a blend of an additive
monotone model and a regular one (``profile_blend``), holds out folds to fit a bounded-slope
sigmoid calibration (``profile_calibration``: strictly increasing, so the ranking survives a new
domain) and keeps the blend. Scores are calibrated probabilities; evidence is the largest
per-feature contributions (TreeSHAP) in plain words. Unfitted, it abstains with "not trained".
The artefact is JSON: LightGBM's model texts, the feature list, the calibration map and versions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from unmask.detectors import profile_calibration as calib
from unmask.detectors.base import subjects_of
from unmask.detectors.profile_blend import Blend, train_blend
from unmask.detectors.profile_explain import explain
from unmask.detectors.profile_features import (
    FEATURE_NAMES,
    FEATURES_VERSION,
    MODEL_FEATURES,
    profile_features,
)
from unmask.model import Finding, Snapshot

ARTIFACT_KIND = "unmask.profile_model"
ARTIFACT_FORMAT = 2


class ArtifactError(ValueError):
    """An artefact this version cannot use (another format, feature set or detector)."""


def to_matrix(rows: Sequence[Mapping[str, float]], features: Sequence[str]) -> NDArray[np.float64]:
    values = [[r[f] for f in features] for r in rows]
    return np.array(values, dtype=np.float64).reshape(len(rows), len(features))


def feature_matrix(
    snapshot: Snapshot, ids: Sequence[str], features: Sequence[str]
) -> NDArray[np.float64]:
    """The named features of accounts ``ids`` (all in the snapshot), one row per account."""
    return to_matrix([profile_features(snapshot.accounts[i], snapshot) for i in ids], features)


class ProfileModel:
    name: ClassVar[str] = "profile_model"
    version: ClassVar[str] = "2"
    needs: ClassVar[frozenset[str]] = frozenset({"account"})
    description: ClassVar[str] = (
        "Learned (LightGBM blend) fake-profile probability from completeness, age, career "
        "plausibility, count ratios and rates, verification and name/headline patterns."
    )

    def __init__(
        self,
        features: Sequence[str] | None = None,
        n_estimators: int = 300,
        calibration_folds: int = 3,
        top_evidence: int = 5,
        seed: int = 0,
        num_threads: int = 1,
    ) -> None:
        self.features = tuple(features) if features is not None else MODEL_FEATURES
        self.n_estimators = n_estimators
        self.calibration_folds = calibration_folds
        self.top_evidence = top_evidence
        self.seed = seed
        self.num_threads = num_threads

    # -- training -------------------------------------------------------------------------------

    def _train(self, x: NDArray[np.float64], y: NDArray[np.int_], names: Sequence[str]) -> Blend:
        return train_blend(x, y, names, self.seed, self.num_threads, self.n_estimators)

    def _held_out_margins(
        self, x: NDArray[np.float64], y: NDArray[np.int_], names: Sequence[str]
    ) -> NDArray[np.float64]:
        from sklearn.model_selection import StratifiedKFold

        folds = StratifiedKFold(self.calibration_folds, shuffle=True, random_state=self.seed)
        margins = np.zeros(len(y), dtype=np.float64)
        for train, test in folds.split(x, y):
            margins[test] = self._train(x[train], y[train], names).margin(x[test])
        return margins

    def fit_matrix(
        self, x: NDArray[np.float64], y: NDArray[np.int_], names: Sequence[str]
    ) -> ProfileModel:
        """Fit on a ready feature matrix (columns ``names``); ``fit`` builds it from a snapshot."""
        n_fake, n_genuine = int(y.sum()), int(len(y) - y.sum())
        if not n_fake or not n_genuine:
            raise ValueError(
                f"profile_model needs both fake and genuine labelled accounts in the snapshot "
                f"(got {n_fake} fake, {n_genuine} genuine)"
            )
        method = calib.method_for(n_fake, n_genuine)
        margins = self._held_out_margins(x, y, names) if method != "none" else np.zeros(0)
        self.calibration_ = calib.fit_calibration(method, margins, y)
        self.blend_ = self._train(x, y, names)
        self.features_ = tuple(names)
        self.training_ = {
            "n": len(y),
            "n_fake": n_fake,
            "n_genuine": n_genuine,
            "calibration": method,
        }
        return self

    def fit(self, snapshot: Snapshot, labels: Mapping[str, bool]) -> ProfileModel:
        unknown = [f for f in self.features if f not in FEATURE_NAMES]
        if unknown:
            raise ValueError(f"profile_model: unknown features {unknown}")
        ids = sorted(a for a in labels if a in snapshot.accounts)
        y = np.array([1 if labels[i] else 0 for i in ids], dtype=np.int_)
        return self.fit_matrix(feature_matrix(snapshot, ids, self.features), y, self.features)

    @property
    def fitted(self) -> bool:
        return hasattr(self, "blend_")

    # -- scoring --------------------------------------------------------------------------------

    def predict_proba(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        return calib.apply_calibration(self.calibration_, self.blend_.margin(x))

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        wanted = list(subjects_of(snapshot, subjects))
        if not self.fitted:
            return [Finding.abstain(self.name, self.version, s, "not trained") for s in wanted]
        present = [s for s in wanted if s in snapshot.accounts]
        by_id: dict[str, Finding] = {}
        if present:
            rows = [profile_features(snapshot.accounts[s], snapshot) for s in present]
            x = to_matrix(rows, self.features_)
            probs = self.predict_proba(x)
            contribs = self.blend_.contributions(x)
            for row, subject in enumerate(present):
                shap = dict(zip(self.features_, contribs[row, :-1].tolist(), strict=True))
                evidence = explain(rows[row], shap, self.top_evidence)
                score = float(probs[row])
                by_id[subject] = Finding(self.name, self.version, subject, score, evidence)
        return [
            by_id.get(s) or Finding.abstain(self.name, self.version, s, "no profile")
            for s in wanted
        ]

    # -- artefact -------------------------------------------------------------------------------

    def to_artifact(self) -> bytes:
        if not self.fitted:
            raise ValueError("profile_model is not trained: nothing to save")
        doc = {
            "artifact": ARTIFACT_KIND,
            "format_version": ARTIFACT_FORMAT,
            "detector_version": self.version,
            "features_version": FEATURES_VERSION,
            "features": list(self.features_),
            "calibration": self.calibration_,
            "training": self.training_,
            "model": self.blend_.to_doc(),
        }
        return json.dumps(doc, sort_keys=True).encode("utf-8")

    def load_artifact(self, data: bytes) -> None:
        doc = _parse(data)
        expected = {
            "artifact": ARTIFACT_KIND,
            "format_version": ARTIFACT_FORMAT,
            "detector_version": self.version,
            "features_version": FEATURES_VERSION,
        }
        for key, want in expected.items():
            if doc.get(key) != want:
                raise ArtifactError(
                    f"profile_model artefact has {key}={doc.get(key)!r}, this version needs "
                    f"{want!r}: retrain with 'unmask train'"
                )
        features = doc.get("features")
        if (
            not isinstance(features, list)
            or not features
            or any(f not in FEATURE_NAMES for f in features)
        ):
            raise ArtifactError(f"profile_model artefact lists unknown features: {features!r}")
        if not calib.is_valid(doc.get("calibration")):
            raise ArtifactError("profile_model artefact has no valid calibration map")
        model = doc.get("model")
        try:
            blend = Blend.from_doc(model if isinstance(model, dict) else {})
        except ValueError as exc:
            raise ArtifactError(f"profile_model artefact: unreadable model ({exc})") from None
        if any(list(b.feature_name()) != features for b in blend.boosters):
            raise ArtifactError("profile_model artefact: model and feature list disagree")
        self.blend_, self.features_ = blend, tuple(features)
        self.calibration_, self.training_ = doc["calibration"], doc.get("training", {})


def _parse(data: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArtifactError(f"not a profile_model artefact (not JSON): {exc}") from None
    if not isinstance(doc, dict):
        raise ArtifactError("not a profile_model artefact (expected a JSON object)")
    return doc
