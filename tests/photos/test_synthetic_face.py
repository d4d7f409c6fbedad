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
from unmask.detectors.face_cues import colour_residual, colour_stats, eye_cues
from unmask.detectors.face_features import FaceFeatures, residual_features, spam
from unmask.detectors.face_model import AUGMENT, ArtefactError, FaceModel
from unmask.detectors.face_training import choose_c, train
from unmask.detectors.faces import Landmarks
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
        return FaceFeatures(
            (mean, 1 - mean),
            (mean * 2,),
            {"roll_deg": 0.0},
            (mean,),
            (1 - mean,),
            (mean**2,),
            (mean, mean**3),
            (1 - mean**2,),
            (mean * 3,),
        )

    monkeypatch.setattr(sf, "face_features", features)
    sf._features_of.cache_clear()


def test_abstains_without_photo_model_or_face(tmp_path: Path) -> None:
    snap = _snapshot(tmp_path, 1)
    sf._features_of.cache_clear()
    untrained = {f.subject: f for f in sf.SyntheticFace().detect(snap)}
    assert untrained["nophoto"].score is None and "readable photo" in untrained["nophoto"].reason
    assert "not trained" in untrained["a0"].reason
    detector = sf.SyntheticFace()
    rows = [{"embedding": [v]} for v in (0.0, 1.0, 0.1, 0.9)]
    detector.model_ = train(rows, [0, 1, 0, 1], (("embedding",),))
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
    assert detector.model_ is not None
    assert detector.n_train_ == 8 * (1 + len(AUGMENT)), "each photo plus its resized copies"
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
    rows = [{"a": [a], "b": [b]} for a, b in ((0.0, 1.0), (1.0, 0.0), (0.2, 0.7), (0.8, 0.1))]
    model = train(rows, [0, 1, 0, 1], (("a", "b"), ("b",)))
    body = json.loads(model.to_bytes())
    assert body["format"] == "unmask.synthetic_face.logistic" and body["version"] == 3
    assert [p["groups"] for p in body["parts"]] == [["a", "b"], ["b"]]
    assert FaceModel.from_bytes(model.to_bytes()) == model
    with pytest.raises(ArtefactError, match="retrain"):
        FaceModel.from_bytes(json.dumps(body | {"feature_version": "old"}).encode())
    with pytest.raises(ArtefactError):
        FaceModel.from_bytes(b"\x80\x04pickle")
    assert model.predict({"a": [1.0], "b": [0.0]}) > model.predict({"a": [0.0], "b": [1.0]})
    with pytest.raises(ValueError, match="features"):
        model.parts[0].predict({"a": [1.0], "b": []})


def test_residual_features_are_normalised_histograms() -> None:
    flat = np.full((40, 40), 7.0)
    hist = spam(flat)
    assert hist.sum() == pytest.approx(1.0) and hist[62] == pytest.approx(1.0)  # all-zero triple
    rgb = np.asarray(picture(3, 64))
    feats = residual_features(rgb)
    assert len(feats) == 3 * 125 and sum(feats) == pytest.approx(3.0)
    colour = colour_residual(rgb)
    assert len(colour) == 8 * 125 and sum(colour) == pytest.approx(8.0)
    assert len(colour_stats(rgb)) == 36


def test_eye_cues_compare_the_two_eyes() -> None:
    image = np.full((100, 160, 3), 90, dtype=np.uint8)
    for cx in (50, 110):  # two dark eyes with a highlight at the same place in each
        image[40:52, cx - 10 : cx + 10] = 30
        image[43:46, cx + 2 : cx + 5] = 250
    marks = Landmarks(((40.0, 46.0), (60.0, 46.0), (100.0, 46.0), (120.0, 46.0), (80.0, 70.0)))
    cues = eye_cues(image, marks)
    assert len(cues) == 16
    assert cues[10] == pytest.approx(1.0), "the two highlight masks coincide"
    image[43:46, 112:115] = 30  # remove the right eye's highlight, add one elsewhere
    image[48:51, 102:105] = 250
    assert eye_cues(image, marks)[10] < 0.5


def test_inner_cv_picks_c_from_the_grid() -> None:
    rng = np.random.default_rng(1)
    y = [i % 2 for i in range(60)]
    x = rng.normal(size=(60, 5)) + np.outer(y, [1.5, 0, 0, 0, 0])
    assert choose_c(x, y, list(range(60)), (0.01, 1.0)) in (0.01, 1.0)
    assert choose_c(x, y, list(range(60)), (0.5,)) == 0.5


def test_inner_cv_chooses_the_parts_on_training_rows_only() -> None:
    rng = np.random.default_rng(2)
    y = [i % 2 for i in range(80)]
    good = rng.normal(size=(80, 3)) + np.outer(y, [2.0, 1.0, 0.0])
    noise = rng.normal(size=(80, 3))
    rows = [{"good": list(g), "noise": list(n)} for g, n in zip(good, noise, strict=True)]
    candidates = ((("noise",),), (("good",),), (("good",), ("noise",)))
    model = train(rows, y, photo=[i // 2 for i in range(80)], candidates=candidates)
    assert [p.groups for p in model.parts] == [("good",)]
    assert [name for name, _ in model.selection] == ["noise", "good", "good | noise"]
    assert model.selection[1][1] > model.selection[0][1]
    assert FaceModel.from_bytes(model.to_bytes()).selection == model.selection
    fixed = train(rows, y, parts=(("noise",),), candidates=candidates)
    assert [p.groups for p in fixed.parts] == [("noise",)] and fixed.selection == ()


def test_suite_holds_out_each_generator_unseen() -> None:
    from unmask.evaluation.photos import synthetic

    rng = np.random.default_rng(3)
    labels = [0] * 40 + [1] * 20
    gens = [""] * 40 + ["gan_a"] * 10 + ["diffusion_b"] * 10
    copies = (*synthetic.CONDITIONS, *(synthetic.augment_name(t) for t in AUGMENT))
    table = {c: [{"a": list(rng.normal(size=3) + 1.5 * y)} for y in labels] for c in copies}
    scores, _folds, models = synthetic.out_of_fold(labels, gens, table, (("a",),), "diffusion_b")
    rows_per_photo = 1 + len(AUGMENT)
    assert all(m.n_fake == 10 * rows_per_photo for m in models), "only the other generator trains"
    assert all(m.n_genuine == 32 * rows_per_photo for m in models), "4 of 5 photograph folds"
    held = [i for i in range(60) if gens[i] == "diffusion_b"]
    assert all(scores["originals"][i] != 0.5 for i in held)
    name = synthetic.split_name("originals", "diffusion_b", ["gan_a"])
    assert name.startswith("source-out: train gan_a, test diffusion_b")
