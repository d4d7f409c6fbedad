"""synthetic_face: abstentions, training, artefacts and scoring (features stubbed where a real
face would be needed: the tests draw no faces)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from tests.photos.drawing import jpeg_bytes, picture

import unmask.detectors.synthetic_face as sf
from unmask.detectors.face_features import FaceFeatures, residual_features, spam
from unmask.detectors.face_model import ArtefactError, FaceModel, train
from unmask.model import Account, PhotoRef, Snapshot

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _snapshot(tmp_path: Path, n: int) -> Snapshot:
    accounts = {}
    for i in range(n):
        path = tmp_path / f"p{i}.jpg"
        path.write_bytes(jpeg_bytes(picture(100 + i, 128)))
        accounts[f"a{i}"] = Account(
            id=f"a{i}", created_at=T0 - timedelta(days=5), name="N", photo=PhotoRef(uri=str(path))
        )
    accounts["nophoto"] = Account(id="nophoto", created_at=T0, name="N")
    return Snapshot(accounts=accounts, as_of=T0)


def _fake_features(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend every drawing shows a face whose features are its mean colour, repeated."""

    def features(image: object) -> FaceFeatures:
        mean = float(np.asarray(image, dtype=float).mean()) / 255.0
        return FaceFeatures((mean, 1 - mean), (mean * 2,), {"roll_deg": 0.0})

    monkeypatch.setattr(sf, "face_features", features)
    monkeypatch.setattr(sf, "GROUPS", ("residual", "embedding"))
    sf._features_of.cache_clear()


def test_abstains_without_photo_model_or_face(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path, 1)
    sf._features_of.cache_clear()
    untrained = {f.subject: f for f in sf.SyntheticFace().detect(snap)}
    assert untrained["nophoto"].score is None and "readable photo" in untrained["nophoto"].reason
    assert "not trained" in untrained["a0"].reason
    detector = sf.SyntheticFace()
    detector.model_ = train([[0.0], [1.0], [0.1], [0.9]], [0, 1, 0, 1], ("embedding",))
    [no_face] = detector.detect(snap, ["a0"])
    assert no_face.score is None and "no face" in no_face.reason


def test_fit_detect_and_artefact_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_features(monkeypatch)
    snap = _snapshot(tmp_path, 8)
    means = {
        a: float(np.asarray(picture(100 + int(a[1:]), 128)).mean())
        for a in snap.accounts
        if a != "nophoto"
    }
    cut = sorted(means.values())[4]
    labels = {a: m >= cut for a, m in means.items()}
    detector = sf.SyntheticFace().fit(snap, labels)
    assert detector.model_ is not None and detector.n_train_ == 16, "each photo plus its copy"
    findings = {f.subject: f for f in detector.detect(snap)}
    assert all(0.0 <= (f.score or 0.0) <= 1.0 for f in findings.values())
    assert findings["nophoto"].score is None
    assert "face classifier" in findings["a0"].evidence[0].text
    restored = sf.SyntheticFace()
    restored.load_artifact(detector.to_artifact())
    assert [f.score for f in restored.detect(snap)] == [f.score for f in detector.detect(snap)]


def test_fit_without_two_of_each_class_stays_untrained(tmp_path: Path) -> None:
    sf._features_of.cache_clear()
    detector = sf.SyntheticFace().fit(_snapshot(tmp_path, 2), {"a0": True, "a1": False})
    assert detector.model_ is None
    with pytest.raises(ValueError, match="not trained"):
        detector.to_artifact()


def test_artefact_is_versioned_json_and_refuses_others() -> None:
    model = train([[0.0, 1.0], [1.0, 0.0], [0.2, 0.7], [0.8, 0.1]], [0, 1, 0, 1])
    body = json.loads(model.to_bytes())
    assert body["format"] == "unmask.synthetic_face.logistic" and body["version"] == 1
    assert FaceModel.from_bytes(model.to_bytes()) == model
    with pytest.raises(ArtefactError, match="retrain"):
        FaceModel.from_bytes(json.dumps(body | {"feature_version": "old"}).encode())
    with pytest.raises(ArtefactError):
        FaceModel.from_bytes(b"\x80\x04pickle")
    assert model.predict([1.0, 0.0]) > model.predict([0.0, 1.0])


def test_residual_features_are_normalised_histograms() -> None:
    flat = np.full((40, 40), 7.0)
    hist = spam(flat)
    assert hist.sum() == pytest.approx(1.0) and hist[62] == pytest.approx(1.0)  # all-zero triple
    rgb = np.asarray(picture(3, 64))
    feats = residual_features(rgb)
    assert len(feats) == 3 * 125 and sum(feats) == pytest.approx(3.0)
