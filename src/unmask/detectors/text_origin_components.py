"""The three linear components of ``text_origin``, each readable on its own.

- ``char``: hashed character 1-4-gram counts (one pass serves every fold: no vocabulary is
  fitted), then TF-IDF over the columns seen in at least two training texts (kept columns, idf
  and coefficients are stored);
- ``style``: the topic-independent ``style_features``, standardised;
- ``embedding``: MiniLM sentence embeddings (``text_embedding``), optional.

Each is a logistic regression; ``component_scores`` returns their logits, one column each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from unmask.detectors.text_features import STYLE_FEATURES, style_features
from unmask.detectors.text_origin_calibration import fit_lr

__all__ = ["component_scores", "embeddings", "fit_components", "hashed_counts", "style_matrix"]

Array = npt.NDArray[np.float64]
HASH_FEATURES = 1 << 20
_STYLE_CACHE: dict[str, list[float]] = {}


def hashed_counts(texts: Sequence[str], ngram_range: tuple[int, int]) -> Any:
    from sklearn.feature_extraction.text import HashingVectorizer

    vectorizer = HashingVectorizer(
        analyzer="char_wb",
        ngram_range=ngram_range,
        n_features=HASH_FEATURES,
        alternate_sign=False,
        norm=None,
    )
    return vectorizer.transform(texts).tocsr()


def _tfidf(counts: Any, cols: npt.NDArray[np.int64], idf: Array) -> Any:
    from sklearn.preprocessing import normalize

    x = counts[:, cols].astype(np.float64)
    x.data = 1.0 + np.log(x.data)
    return normalize(x.multiply(idf.reshape(1, -1)).tocsr())


def _style_row(text: str) -> list[float]:
    row = _STYLE_CACHE.get(text)
    if row is None:
        row = list(style_features(text).values())  # STYLE_FEATURES order
        if len(_STYLE_CACHE) < 200_000:
            _STYLE_CACHE[text] = row
    return row


def style_matrix(texts: Sequence[str]) -> Array:
    rows = [_style_row(t) for t in texts]
    return np.array(rows, dtype=float).reshape(len(rows), len(STYLE_FEATURES))


def embeddings(texts: Sequence[str]) -> Array:
    from unmask.detectors.text_embedding import embed

    return embed(list(texts)).astype(np.float64)


def fit_components(
    counts: Any, style: Array, emb: Array | None, y: Array, max_features: int
) -> dict[str, Any]:
    n = counts.shape[0]
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    cols = np.flatnonzero(df >= 2)
    if len(cols) > max_features:
        cols = np.sort(cols[np.argsort(-df[cols], kind="stable")[:max_features]])
    idf = np.log((1.0 + n) / (1.0 + df[cols])) + 1.0
    w_char, b_char = fit_lr(_tfidf(counts, cols, idf), y, 10.0)
    mean, scale = style.mean(axis=0), style.std(axis=0) + 1e-9
    w_style, b_style = fit_lr((style - mean) / scale, y, 1.0)
    parts: dict[str, Any] = {"cols": cols, "idf": idf, "w_char": w_char, "b_char": b_char,
                             "style_mean": mean, "style_scale": scale, "w_style": w_style,
                             "b_style": b_style}  # fmt: skip
    if emb is not None:
        parts["w_emb"], parts["b_emb"] = fit_lr(emb, y, 1.0)
    return parts


def component_scores(parts: dict[str, Any], counts: Any, style: Array, emb: Array | None) -> Array:
    cols = [
        _tfidf(counts, parts["cols"], parts["idf"]) @ parts["w_char"] + parts["b_char"],
        (style - parts["style_mean"]) / parts["style_scale"] @ parts["w_style"] + parts["b_style"],
    ]
    if emb is not None and "w_emb" in parts:
        cols.append(emb @ parts["w_emb"] + parts["b_emb"])
    return np.column_stack(cols)
