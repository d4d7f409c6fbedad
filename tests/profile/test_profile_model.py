"""The profile model: fitting, calibration, evidence and its versioned artefact (synthetic data)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from conftest import synthetic_labelled
from unmask.detectors import TrainableDetector
from unmask.detectors.profile_calibration import apply_calibration, fit_calibration, method_for
from unmask.detectors.profile_explain import describe
from unmask.detectors.profile_model import ArtifactError, ProfileModel, feature_matrix
from unmask.model import Snapshot
from unmask.plugins import load_plugins

registry = load_plugins().detectors

Data = tuple[Snapshot, dict[str, bool]]
COARSE = {
    "the account is new",
    "nothing on it is verified",
    "the profile has little detail",
    "the career history does not add up",
    "employers could not be found",
}


def test_registered_and_trainable() -> None:
    assert "profile_model" in registry.names()
    assert isinstance(registry.create("profile_model"), TrainableDetector)


def test_unfitted_abstains(synthetic: Data) -> None:
    snapshot, _ = synthetic
    findings = ProfileModel().detect(snapshot, ["g1", "f0"])
    assert [f.reason for f in findings] == ["not trained", "not trained"]
    with pytest.raises(ValueError, match="not trained"):
        ProfileModel().to_artifact()


def test_one_class_is_refused(synthetic: Data) -> None:
    snapshot, _ = synthetic
    with pytest.raises(ValueError, match="both fake and genuine"):
        ProfileModel().fit(snapshot, {"g1": False, "g2": False})


@pytest.mark.parametrize("method", ["sigmoid", "none"])
def test_calibration_is_strictly_monotone(method: str) -> None:
    rng = np.random.default_rng(0)
    margins = rng.normal(size=400)
    y = (margins + rng.normal(scale=1.0, size=400) > 0).astype(int)
    cal = fit_calibration(method, margins, y)
    grid = np.linspace(-8, 8, 500)
    probs = apply_calibration(cal, grid)
    assert np.all(np.diff(probs) > 0) and probs.min() > 0 and probs.max() < 1


def test_calibration_is_no_step_on_separable_data() -> None:
    # near-separable held-out margins pushed isotonic/Platt into a cliff (issue 11): the bounded
    # slope keeps the middle of the training margins inside 0.01..0.99 and a new domain distinct
    rng = np.random.default_rng(1)
    margins = np.concatenate([rng.normal(-9, 1, 300), rng.normal(9, 1, 300)])
    y = np.array([0] * 300 + [1] * 300)
    cal = fit_calibration("sigmoid", margins, y)
    lo, hi = np.percentile(margins, [5, 95])
    assert cal["a"] * (hi - lo) <= 9.2 + 1e-9
    shifted = rng.normal(-14, 2, 1000)  # a new domain, far below anything seen in training
    probs = apply_calibration(cal, shifted)
    assert len(np.unique(probs)) == len(shifted) and probs.min() > 0.0
    order = np.argsort(shifted)
    assert np.all(np.diff(probs[order]) > 0)


def test_calibration_does_not_go_flat() -> None:
    rng = np.random.default_rng(2)
    margins = rng.normal(size=200)
    y = rng.integers(0, 2, 200)  # no signal: the fitted slope would be ~0
    cal = fit_calibration("sigmoid", margins, y)
    lo, hi = np.percentile(margins, [5, 95])
    assert cal["a"] * (hi - lo) >= 1.0 - 1e-9


def test_calibration_method_follows_data_size() -> None:
    assert method_for(2, 2) == "none"
    assert method_for(10, 300) == "sigmoid"
    assert method_for(80, 160) == "sigmoid"


def test_fits_tiny_data_without_calibration(synthetic: Data) -> None:
    snapshot, _ = synthetic
    model = ProfileModel(n_estimators=20).fit(snapshot, {"g1": False, "g2": False, "f0": True})
    assert model.calibration_ == {"method": "none"}
    assert all(f.score is not None for f in model.detect(snapshot, ["g1", "f3"]))


def test_separates_and_calibrates(trained: ProfileModel, synthetic: Data) -> None:
    assert trained.calibration_["method"] == "sigmoid"
    held_out, labels = synthetic_labelled(n=90, seed=99)
    findings = trained.detect(held_out)
    fake = [f.score for f in findings if labels[f.subject]]
    genuine = [f.score for f in findings if not labels[f.subject]]
    assert np.mean([x for x in fake if x is not None]) > 0.7
    assert np.mean([x for x in genuine if x is not None]) < 0.3


def test_evidence_in_plain_words(trained: ProfileModel, synthetic: Data) -> None:
    snapshot, _ = synthetic
    finding = trained.detect(snapshot, ["f0"])[0]
    assert finding.score is not None and finding.score > 0.5
    assert 1 <= len(finding.evidence) <= trained.top_evidence
    feats = dict(
        zip(trained.features_, feature_matrix(snapshot, ["f0"], trained.features_)[0], strict=True)
    )
    texts = [e.text for e in finding.evidence]
    assert all("_" not in t for t in texts), texts  # words, not feature names
    assert len(set(texts)) == len(texts)
    for e in finding.evidence:
        assert e.text == describe(e.data["feature"], feats)
        assert e.data["feature"] in trained.features_ and e.weight == e.data["contribution"]
        assert e.member_text is None or (e.member_text in COARSE and e.weight > 0)


def test_detect_matches_predict_proba(trained: ProfileModel, synthetic: Data) -> None:
    snapshot, _ = synthetic
    ids = ["g1", "f0", "g2"]
    probs = trained.predict_proba(feature_matrix(snapshot, ids, trained.features_))
    scores = [f.score for f in trained.detect(snapshot, ids)]
    assert scores == [float(p) for p in probs]


def test_unknown_subject_abstains(trained: ProfileModel, synthetic: Data) -> None:
    snapshot, _ = synthetic
    found = trained.detect(snapshot, ["nobody", "g1"])
    assert found[0].score is None and found[0].reason == "no profile"
    assert found[1].score is not None


def test_artifact_round_trip(trained: ProfileModel, synthetic: Data) -> None:
    snapshot, _ = synthetic
    blob = trained.to_artifact()
    doc = json.loads(blob)
    assert doc["artifact"] == "unmask.profile_model" and doc["format_version"] == 2
    assert doc["features"] == list(trained.features_)
    assert len(doc["model"]["models"]) == 2 and all("tree" in m for m in doc["model"]["models"])
    fresh = ProfileModel()
    fresh.load_artifact(blob)
    before = [(f.subject, f.score, f.evidence) for f in trained.detect(snapshot)]
    assert [(f.subject, f.score, f.evidence) for f in fresh.detect(snapshot)] == before
    assert fresh.to_artifact() == blob


def test_subset_of_features(synthetic: Data) -> None:
    snapshot, labels = synthetic
    model = ProfileModel(features=("followers", "following"), n_estimators=20)
    model.fit(snapshot, labels)
    restored = ProfileModel()
    restored.load_artifact(model.to_artifact())
    assert restored.features_ == ("followers", "following")
    with pytest.raises(ValueError, match="unknown features"):
        ProfileModel(features=("shoe_size",)).fit(snapshot, labels)


def _tampered(blob: bytes, **changes: object) -> bytes:
    doc = json.loads(blob)
    doc.update(changes)
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"format_version": 99}, "format_version=99"),
        ({"features_version": "0"}, "features_version='0'"),
        ({"detector_version": "0"}, "detector_version='0'"),
        ({"artifact": "unmask.other"}, "artifact='unmask.other'"),
        ({"features": ["shoe_size"]}, "unknown features"),
        ({"calibration": {"method": "isotonic", "x": [1.0, 0.0], "y": [0.0, 1.0]}}, "calibration"),
        ({"calibration": {"method": "sigmoid", "a": -1.0, "b": 0.0}}, "calibration"),
        ({"model": "not a model"}, "unreadable model|disagree"),
        ({"model": {"models": ["not a model"], "scale": [[0.0, 1.0]]}}, "unreadable model"),
        ({"model": {"models": [], "scale": []}}, "unreadable model"),
    ],
)
def test_mismatched_artifact_refused(
    trained: ProfileModel, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ArtifactError, match=message):
        ProfileModel().load_artifact(_tampered(trained.to_artifact(), **changes))


def test_foreign_bytes_refused() -> None:
    with pytest.raises(ArtifactError, match="not JSON"):
        ProfileModel().load_artifact(b"\x80\x04 pickle")
    with pytest.raises(ArtifactError, match="JSON object"):
        ProfileModel().load_artifact(b"[1, 2]")


def test_describes_career_facts() -> None:
    feats = {
        "employers_off_platform": 2.0,
        "n_employers": 3.0,
        "account_age_days": 12.0,
        "employers_off_platform_frac": 2 / 3,
        "n_verified": 0.0,
        "verified_email": 0.0,
        "followers": math.nan,
    }
    assert describe("employers_off_platform_frac", feats) == (
        "2 of 3 employers are not on the platform"
    )
    assert describe("account_age_days", feats) == "account is 12 days old"
    assert describe("n_verified", feats) == "no verified e-mail, phone or workplace"
    assert describe("followers", feats) == "number of followers is unknown"


def test_feature_values_are_finite_or_nan(synthetic: Data) -> None:
    snapshot, _ = synthetic
    x = feature_matrix(snapshot, sorted(snapshot.accounts), ProfileModel().features)
    assert not np.isinf(x).any()
    column = list(ProfileModel().features).index("connections_per_day")
    assert math.isnan(float(x[:, column][0]))


def test_default_features_are_platform_free() -> None:
    from unmask.detectors.profile_features import MODEL_FEATURES, PLATFORM_SCALED

    assert ProfileModel().features == MODEL_FEATURES
    assert not set(MODEL_FEATURES) & PLATFORM_SCALED
    assert {"following_follower_ratio", "posts_per_day", "name_digits_frac"} <= set(MODEL_FEATURES)
