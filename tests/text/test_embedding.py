from __future__ import annotations

import numpy as np
import pytest

from unmask.detectors.text_embedding import EmbeddingUnavailableError, embed, model_files


def _available() -> bool:
    try:
        model_files()
    except EmbeddingUnavailableError:
        return False
    return True


def test_embeddings_are_unit_vectors_and_meaningful() -> None:
    if not _available():  # an install step, not data: skip rather than fail (see the docs)
        pytest.skip("MiniLM model or tokenizer package not installed")
    texts = ["I repair diesel engines for buses.", "Bus engine mechanic, diesel repairs.",
             "We are delighted to announce our quarterly dividend."]  # fmt: skip
    vecs = embed(texts)
    assert vecs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]
    assert np.array_equal(embed(texts[:1])[0], vecs[0])  # memoised, same vector
