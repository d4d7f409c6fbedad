"""The simple reference for ``text_origin``: word 1-2-gram TF-IDF and logistic regression,
deciding at probability 0.5, trained and tested on exactly the same texts."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from unmask.detectors.text_features import normalise_text

DETECTOR = "tfidf_lr_reference"


class TfidfReference:
    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> TfidfReference:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        self.model_ = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
            LogisticRegression(C=1.0, max_iter=3000),
        ).fit([normalise_text(t) for t in texts], list(labels))
        return self

    def predict_proba(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        p = self.model_.predict_proba([normalise_text(t) for t in texts])[:, 1]
        return np.asarray(p, dtype=np.float64)
