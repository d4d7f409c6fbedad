"""The decision rule of ``text_origin``: chosen on held-out parts of the training data."""

from __future__ import annotations

import numpy as np

from unmask.detectors.text_origin_calibration import length_bucket, robust_threshold, stack_inputs
from unmask.detectors.text_origin_model import TextOriginModel

from .fixtures import GENERATED_ABOUTS, HUMAN_ABOUTS


def test_threshold_is_good_on_the_worst_cell_not_on_the_pool() -> None:
    rng = np.random.default_rng(0)
    # cell a: classes apart around 0; cell b (a shifted domain, few texts): around -1.6
    za = np.concatenate([rng.normal(-2.0, 0.2, 200), rng.normal(2.0, 0.2, 200)])
    zb = np.concatenate([rng.normal(-3.0, 0.2, 50), rng.normal(-0.2, 0.2, 50)])
    y = np.concatenate([np.zeros(200), np.ones(200), np.zeros(50), np.ones(50)])
    cells = ["a"] * 400 + ["b"] * 100
    t = robust_threshold(np.concatenate([za, zb]), y, cells)
    z = np.concatenate([za, zb])
    assert ((zb >= 0.0) == (y[400:] == 1)).mean() < 0.9  # the plain midpoint fails cell b
    for cell in ("a", "b"):
        mask = np.asarray(cells) == cell
        assert ((z[mask] >= t) == (y[mask] == 1)).all()


def test_threshold_without_data_is_the_plain_midpoint() -> None:
    assert robust_threshold(np.zeros(0), np.zeros(0), []) == 0.0


def test_stacker_sees_length() -> None:
    x = stack_inputs(np.array([[1.0, 2.0], [1.0, 2.0]]), [300, 30])
    assert x.shape == (2, 5)
    assert x[0, 2:].tolist() == [0.0, 0.0, 0.0] and x[1, 4] < 0
    assert length_bucket([100, 300, 900]).tolist() == [0, 1, 2]


def test_crops_and_threshold_come_from_the_training_texts() -> None:
    texts = [t * 3 for t in HUMAN_ABOUTS + GENERATED_ABOUTS]
    y = [0] * len(HUMAN_ABOUTS) + [1] * len(GENERATED_ABOUTS)
    domains = [i % 2 for i in range(len(texts))]
    model = TextOriginModel(use_embeddings=False, crop_candidates=((120,), (200, 80)))
    model.fit(texts, y, domains=domains)
    assert model.crops_ in {(120,), (200, 80)}
    assert np.isfinite(model.threshold_)
    p = model.predict_proba(texts)
    assert ((p >= 0.5) == np.asarray(y, dtype=bool)).mean() >= 0.9
    restored = TextOriginModel.from_bytes(model.to_bytes())
    assert restored.crops_ == model.crops_ and np.allclose(restored.predict_proba(texts), p)
