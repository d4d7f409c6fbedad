"""The trainable part of ``text_origin``: is a text machine-generated or templated?

Three linear components, each interpretable on its own, stacked by a small logistic regression
that is fitted on out-of-group predictions (so its output is a calibrated probability):

- ``char``: character n-gram TF-IDF (vocabulary, idf and coefficients are stored);
- ``style``: the topic-independent ``style_features`` (standardised);
- ``embedding``: MiniLM sentence embeddings (optional: ``use_embeddings=False`` leaves it out).

Training texts are also seen as short prefixes (``crop_chars``) so that short profile texts are
scored on the same scale as long ones. Artefacts are ``.npz`` archives (no pickle).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from unmask.detectors.artifact_npz import pack, unpack
from unmask.detectors.text_features import STYLE_FEATURES, normalise_text, style_features

__all__ = ["TextOriginModel", "truncate_words"]

Array = npt.NDArray[np.float64]
FORMAT = "unmask.text_origin_model"
FORMAT_VERSION = "1"
EMBEDDING_ID = "all-MiniLM-L6-v2-onnx-int8"


def truncate_words(text: str, n_chars: int) -> str:
    """The first ``n_chars`` characters of ``text``, cut back to a word boundary."""
    if len(text) <= n_chars:
        return text
    head = text[:n_chars]
    return head.rsplit(" ", 1)[0] if " " in head else head


def _fit_lr(x: Any, y: Array, c: float) -> tuple[Array, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000).fit(x, y)
    return np.asarray(model.coef_[0], dtype=np.float64), float(model.intercept_[0])


class TextOriginModel:
    """Calibrated probability that a text is machine-generated (see module docstring)."""

    def __init__(
        self, use_embeddings: bool = True, ngram_range: tuple[int, int] = (1, 4),
        max_features: int = 50_000, crop_chars: int = 250, inner_folds: int = 3,
        short_crop_chars: int = 120,
    ) -> None:  # fmt: skip
        self.use_embeddings = use_embeddings
        self.ngram_range = ngram_range
        self.max_features = max_features
        self.crop_chars = crop_chars
        self.short_crop_chars = short_crop_chars
        self.inner_folds = inner_folds

    # -- features -------------------------------------------------------------------------------
    def _char_matrix(self, texts: Sequence[str], vocab: Sequence[str], idf: Array) -> Any:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.preprocessing import normalize

        counts = CountVectorizer(
            analyzer="char_wb", ngram_range=self.ngram_range, vocabulary=list(vocab)
        ).transform(texts)
        counts = counts.astype(np.float64)
        counts.data = 1.0 + np.log(counts.data)
        return normalize(counts.multiply(idf.reshape(1, -1)).tocsr())

    @staticmethod
    def _style_matrix(texts: Sequence[str]) -> Array:
        rows = [list(style_features(t).values()) for t in texts]  # STYLE_FEATURES order
        return np.array(rows, dtype=float).reshape(len(rows), len(STYLE_FEATURES))

    def _embeddings(self, texts: Sequence[str]) -> Array:
        from unmask.detectors.text_embedding import embed

        return embed(list(texts)).astype(np.float64)

    # -- training -------------------------------------------------------------------------------
    def _fit_components(
        self, texts: Sequence[str], style: Array, emb: Array | None, y: Array
    ) -> dict[str, Any]:
        from sklearn.feature_extraction.text import TfidfVectorizer

        tfidf = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=self.ngram_range,
            min_df=2,
            sublinear_tf=True,
            max_features=self.max_features,
        )
        char = tfidf.fit_transform(texts)  # the same matrix as _char_matrix, in one pass
        vocab = tfidf.get_feature_names_out().astype(str)
        idf = np.asarray(tfidf.idf_, dtype=np.float64)
        w_char, b_char = _fit_lr(char, y, 10.0)
        mean, scale = style.mean(axis=0), style.std(axis=0) + 1e-9
        w_style, b_style = _fit_lr((style - mean) / scale, y, 1.0)
        parts: dict[str, Any] = {"vocab": vocab, "idf": idf, "w_char": w_char, "b_char": b_char,
                                 "style_mean": mean, "style_scale": scale, "w_style": w_style,
                                 "b_style": b_style}  # fmt: skip
        if emb is not None:
            parts["w_emb"], parts["b_emb"] = _fit_lr(emb, y, 1.0)
        return parts

    def _scores(
        self, parts: dict[str, Any], texts: Sequence[str], style: Array, emb: Array | None
    ) -> Array:
        cols = [
            self._char_matrix(texts, parts["vocab"], parts["idf"]) @ parts["w_char"]
            + parts["b_char"],
            (style - parts["style_mean"]) / parts["style_scale"] @ parts["w_style"]
            + parts["b_style"],
        ]
        if emb is not None and "w_emb" in parts:
            cols.append(emb @ parts["w_emb"] + parts["b_emb"])
        return np.column_stack(cols)

    def fit(
        self, texts: Sequence[str], labels: Sequence[int], groups: Sequence[Any] | None = None
    ) -> TextOriginModel:
        """Fit on ``texts`` (1: generated); ``groups`` keep related texts on one side of the
        inner split that calibrates the stacker (default: every text its own group)."""
        from sklearn.model_selection import GroupKFold

        base = [normalise_text(t) for t in texts]
        grp = list(groups) if groups is not None else list(range(len(base)))
        all_texts, all_y, all_g = list(base), list(labels), list(grp)
        # every text is also seen cut short, so the stacker is calibrated on short texts too
        for t, label, g in zip(base, labels, grp, strict=True):
            for crop in (self.crop_chars, self.short_crop_chars):
                if crop and len(t) > 1.2 * crop:
                    all_texts.append(truncate_words(t, crop))
                    all_y.append(label)
                    all_g.append(g)
        y = np.asarray(all_y, dtype=np.float64)
        g_arr = np.asarray([str(x) for x in all_g])
        style = self._style_matrix(all_texts)
        emb = self._embeddings(all_texts) if self.use_embeddings else None
        oof, oof_y = [], []
        n_splits = min(self.inner_folds, len(set(g_arr.tolist())))
        if n_splits >= 2:
            for tr, te in GroupKFold(n_splits=n_splits).split(all_texts, y, g_arr):
                if len(set(y[tr].tolist())) < 2:
                    continue
                sub = [all_texts[i] for i in tr]
                parts = self._fit_components(
                    sub, style[tr], None if emb is None else emb[tr], y[tr]
                )
                held = [all_texts[i] for i in te]
                oof.append(self._scores(parts, held, style[te], None if emb is None else emb[te]))
                oof_y.append(y[te])
        self.parts_ = self._fit_components(all_texts, style, emb, y)
        k = 3 if emb is not None else 2
        stacked_y = np.concatenate(oof_y) if oof_y else np.array([])
        if len(set(stacked_y.tolist())) == 2:
            self.w_stack_, self.b_stack_ = _fit_lr(np.vstack(oof), stacked_y, 1.0)
        else:  # too little data for an honest calibration: average the components' logits
            self.w_stack_, self.b_stack_ = np.full(k, 1.0 / k), 0.0
        self.n_train_ = len(base)
        return self

    # -- prediction -----------------------------------------------------------------------------
    @property
    def fitted(self) -> bool:
        return hasattr(self, "parts_")

    def component_scores(self, texts: Sequence[str]) -> Array:
        """Per-component logits, columns ``components()``."""
        norm = [normalise_text(t) for t in texts]
        emb = self._embeddings(norm) if "w_emb" in self.parts_ else None
        return self._scores(self.parts_, norm, self._style_matrix(norm), emb)

    def components(self) -> list[str]:
        return ["char", "style"] + (["embedding"] if "w_emb" in self.parts_ else [])

    def predict_proba(self, texts: Sequence[str]) -> Array:
        if not texts:
            return np.zeros(0)
        z = self.component_scores(texts) @ self.w_stack_ + self.b_stack_
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    # -- artefact -------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        meta = {
            "ngram_range": list(self.ngram_range),
            "crop_chars": self.crop_chars,
            "style_features": list(STYLE_FEATURES),
            "n_train": self.n_train_,
            "embedding": EMBEDDING_ID if "w_emb" in self.parts_ else None,
        }
        arrays = {k: np.asarray(v) for k, v in self.parts_.items()}
        arrays["w_stack"], arrays["b_stack"] = self.w_stack_, np.asarray(self.b_stack_)
        return pack(FORMAT, FORMAT_VERSION, meta, arrays)

    @classmethod
    def from_bytes(cls, data: bytes) -> TextOriginModel:
        meta, arrays = unpack(data, FORMAT, FORMAT_VERSION)
        if meta["style_features"] != list(STYLE_FEATURES):
            raise ValueError("artefact was trained on other style features")
        model = cls(use_embeddings=meta["embedding"] is not None,
                    ngram_range=(meta["ngram_range"][0], meta["ngram_range"][1]),
                    crop_chars=meta["crop_chars"])  # fmt: skip
        scalars = {"b_char", "b_style", "b_emb"}
        model.parts_ = {k: (float(v) if k in scalars else v) for k, v in arrays.items()
                        if k not in {"w_stack", "b_stack"}}  # fmt: skip
        model.w_stack_, model.b_stack_ = arrays["w_stack"], float(arrays["b_stack"])
        model.n_train_ = int(meta["n_train"])
        return model
