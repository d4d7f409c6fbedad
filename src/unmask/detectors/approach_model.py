"""The trainable part of ``approach_language``: logistic regression over the interpretable cue
counts plus word 1-2-gram TF-IDF. Stored as an ``.npz`` artefact (vocabulary, idf, coefficients).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from unmask.detectors.approach_features import CATEGORIES, cue_vector
from unmask.detectors.artifact_npz import pack, unpack
from unmask.detectors.text_features import normalise_text

__all__ = ["ApproachModel"]

Array = npt.NDArray[np.float64]
FORMAT = "unmask.approach_model"
FORMAT_VERSION = "1"
_TOKEN_PATTERN = r"(?u)\b\w+\b|[$€£]"


class ApproachModel:
    def __init__(self, max_features: int = 20_000, c: float = 4.0, cue_scale: float = 1.0) -> None:
        self.max_features = max_features
        self.c = c
        self.cue_scale = cue_scale

    def _matrix(self, texts: Sequence[str]) -> Any:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.preprocessing import normalize

        norm = [normalise_text(t) for t in texts]
        counts = CountVectorizer(ngram_range=(1, 2), token_pattern=_TOKEN_PATTERN,
                                 vocabulary=list(self.vocab_)).transform(norm)  # fmt: skip
        counts = counts.astype(np.float64)
        counts.data = 1.0 + np.log(counts.data)
        words = normalize(counts.multiply(self.idf_.reshape(1, -1)).tocsr())
        per_text = [list(cue_vector(t).values()) for t in norm]  # CATEGORIES order
        cues = np.log1p(np.array(per_text).reshape(len(norm), len(CATEGORIES))) * self.cue_scale
        return hstack([words, csr_matrix(cues)]).tocsr()

    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> ApproachModel:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        norm = [normalise_text(t) for t in texts]
        tfidf = TfidfVectorizer(ngram_range=(1, 2), token_pattern=_TOKEN_PATTERN, min_df=2,
                                sublinear_tf=True, max_features=self.max_features)  # fmt: skip
        try:
            tfidf.fit(norm)
            self.vocab_ = tfidf.get_feature_names_out().astype(str)
            self.idf_ = np.asarray(tfidf.idf_, dtype=np.float64)
        except ValueError:  # too few texts for any word to occur twice: cues only
            self.vocab_, self.idf_ = np.array(["\x00"]), np.ones(1)
        lr = LogisticRegression(C=self.c, max_iter=3000).fit(self._matrix(texts), list(labels))
        self.coef_ = np.asarray(lr.coef_[0], dtype=np.float64)
        self.intercept_ = float(lr.intercept_[0])
        return self

    @property
    def fitted(self) -> bool:
        return hasattr(self, "coef_")

    def predict_proba(self, texts: Sequence[str]) -> Array:
        if not texts:
            return np.zeros(0)
        z = self._matrix(texts) @ self.coef_ + self.intercept_
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    def cue_weights(self) -> dict[str, float]:
        """The learned weight of each cue category (for reviewers and docs, never for members)."""
        return dict(zip(CATEGORIES, self.coef_[-len(CATEGORIES) :].tolist(), strict=True))

    def to_bytes(self) -> bytes:
        meta = {"categories": list(CATEGORIES), "cue_scale": self.cue_scale}
        arrays = {"vocab": self.vocab_, "idf": self.idf_, "coef": self.coef_,
                  "intercept": np.asarray(self.intercept_)}  # fmt: skip
        return pack(FORMAT, FORMAT_VERSION, meta, arrays)

    @classmethod
    def from_bytes(cls, data: bytes) -> ApproachModel:
        meta, arrays = unpack(data, FORMAT, FORMAT_VERSION)
        if meta["categories"] != list(CATEGORIES):
            raise ValueError("artefact was trained on other cue categories")
        model = cls(cue_scale=float(meta["cue_scale"]))
        model.vocab_, model.idf_ = arrays["vocab"], arrays["idf"]
        model.coef_, model.intercept_ = arrays["coef"], float(arrays["intercept"])
        return model
