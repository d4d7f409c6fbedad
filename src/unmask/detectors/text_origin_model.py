"""The trainable part of ``text_origin``: is a text machine-generated or templated?

Three linear components, each interpretable on its own, stacked by a small logistic regression
that is fitted on out-of-fold predictions of the training texts:

- ``char``: hashed character 1-4-gram TF-IDF (kept columns, idf and coefficients are stored);
- ``style``: the topic-independent ``style_features`` (standardised);
- ``embedding``: MiniLM sentence embeddings (optional: ``use_embeddings=False`` leaves it out).

Everything that decides is chosen on the training texts only, by an inner split that leaves out
one training *domain* at a time (``domains``: fields, sources, generators) or, without domains,
one fold of ``groups``:

- training texts are also seen cut to shorter prefixes; which lengths (``crop_candidates``) is
  chosen by the worst balanced accuracy over inner held-out folds at the served lengths
  (``PROBE_CHARS`` and whole texts);
- the stacker is length-aware and the decision threshold is the one that is best on the worst
  inner held-out fold and length bucket (``text_origin_calibration``). The output is recentred so
  that probability 0.5 is that threshold.

Artefacts are ``.npz`` archives (no pickle).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from unmask.detectors.artifact_npz import pack, unpack
from unmask.detectors.text_features import STYLE_FEATURES, normalise_text
from unmask.detectors.text_origin_calibration import (
    fit_lr,
    length_bucket,
    robust_threshold,
    stack_inputs,
)
from unmask.detectors.text_origin_components import (
    component_scores,
    embeddings,
    fit_components,
    hashed_counts,
    style_matrix,
)

__all__ = ["PROBE_CHARS", "TextOriginModel", "truncate_words"]

Array = npt.NDArray[np.float64]
FORMAT = "unmask.text_origin_model"
FORMAT_VERSION = "2"
EMBEDDING_ID = "all-MiniLM-L6-v2-onnx-int8"
PROBE_CHARS = (150, 300)
CROP_CANDIDATES: tuple[tuple[int, ...], ...] = ((300, 150), (400, 200, 100))


def truncate_words(text: str, n_chars: int) -> str:
    """The first ``n_chars`` characters of ``text``, cut back to a word boundary."""
    if len(text) <= n_chars:
        return text
    head = text[:n_chars]
    return head.rsplit(" ", 1)[0] if " " in head else head


def _inner_folds(groups: list[str], domains: list[str] | None, k: int) -> npt.NDArray[Any]:
    """Fold id per text: its domain when there are >= 2, else a ``GroupKFold`` fold of groups."""
    if domains is not None and len(set(domains)) >= 2:
        return np.asarray(domains)
    from sklearn.model_selection import GroupKFold

    fold = np.zeros(len(groups), dtype=object)
    n = min(k, len(set(groups)))
    if n < 2:
        return np.asarray(["0"] * len(groups))
    for i, (_, te) in enumerate(GroupKFold(n_splits=n).split(groups, groups=groups)):
        fold[te] = str(i)
    return np.asarray(fold.astype(str))


class TextOriginModel:
    """Probability that a text is machine-generated, 0.5 at the decision threshold."""

    def __init__(
        self, use_embeddings: bool = True, ngram_range: tuple[int, int] = (1, 4),
        max_features: int = 50_000, inner_folds: int = 3,
        crop_candidates: Sequence[Sequence[int]] = CROP_CANDIDATES,
    ) -> None:  # fmt: skip
        self.use_embeddings = use_embeddings
        self.ngram_range = ngram_range
        self.max_features = max_features
        self.inner_folds = inner_folds
        self.crop_candidates = tuple(tuple(c) for c in crop_candidates)

    # -- training -------------------------------------------------------------------------------
    def fit(
        self, texts: Sequence[str], labels: Sequence[int], groups: Sequence[Any] | None = None,
        domains: Sequence[Any] | None = None,
    ) -> TextOriginModel:  # fmt: skip
        """Fit on ``texts`` (1: generated). ``groups`` keep related texts on one side of every
        inner split (default: each text its own group); ``domains`` (fields, sources), when
        there are two or more, make the inner split leave one domain out, so that crops, stacker
        and threshold are chosen for a domain the components did not see."""
        base = [normalise_text(t) for t in texts]
        grp = [str(g) for g in (groups if groups is not None else range(len(base)))]
        dom = None if domains is None else [str(d) for d in domains]
        fold_of = _inner_folds(grp, dom, self.inner_folds)
        crops = sorted({c for ladder in self.crop_candidates for c in ladder} | set(PROBE_CHARS))
        rows: list[tuple[int, int]] = []  # (base index, crop: 0 = whole)
        for i, t in enumerate(base):
            rows.append((i, 0))
            rows += [(i, c) for c in crops if len(t) > 1.2 * c]
        r_text = [base[i] if c == 0 else truncate_words(base[i], c) for i, c in rows]
        r_crop = np.asarray([c for _, c in rows])
        r_y = np.asarray([labels[i] for i, _ in rows], dtype=np.float64)
        r_fold = fold_of[[i for i, _ in rows]]
        r_len = [len(t) for t in r_text]
        counts = hashed_counts(r_text, self.ngram_range)
        style = style_matrix(r_text)
        emb = embeddings(r_text) if self.use_embeddings else None
        folds = sorted(set(r_fold.tolist()))
        best: tuple[tuple[float, float], tuple[int, ...], Array, float, float] | None = None
        for ladder in self.crop_candidates or ((),):
            train_row = (r_crop == 0) | np.isin(r_crop, ladder)
            oof = np.full((len(rows), 3 if emb is not None else 2), np.nan)
            for f in folds:
                tr = np.flatnonzero(train_row & (r_fold != f))
                te = np.flatnonzero(r_fold == f)
                if len(set(r_y[tr].tolist())) < 2:
                    continue
                parts = fit_components(
                    counts[tr],
                    style[tr],
                    None if emb is None else emb[tr],
                    r_y[tr],
                    self.max_features,
                )
                oof[te] = component_scores(
                    parts, counts[te], style[te], None if emb is None else emb[te]
                )
            result = self._calibrate(oof, r_y, r_fold, r_crop, r_len, train_row)
            if result is not None and (best is None or result[0] > best[0]):
                best = (result[0], ladder, *result[1:])
        chosen = best[1] if best else ()
        train_row = (r_crop == 0) | np.isin(r_crop, chosen)
        tr = np.flatnonzero(train_row)
        e_tr = None if emb is None else emb[tr]
        self.parts_ = fit_components(counts[tr], style[tr], e_tr, r_y[tr], self.max_features)
        k = 3 if emb is not None else 2
        if best is not None:
            self.w_stack_, self.b_stack_, self.threshold_ = best[2], best[3] - best[4], best[4]
        else:  # too little data for an honest calibration: average the components' logits
            self.w_stack_ = np.concatenate([np.full(k, 1.0 / k), np.zeros(k + 1)])
            self.b_stack_, self.threshold_ = 0.0, 0.0
        self.crops_ = tuple(int(c) for c in chosen)
        self.n_train_ = len(base)
        return self

    def _calibrate(
        self, oof: Array, y: Array, fold: npt.NDArray[Any], crop: npt.NDArray[Any],
        n_chars: list[int], train_row: npt.NDArray[np.bool_],
    ) -> tuple[tuple[float, float], Array, float, float] | None:  # fmt: skip
        """Stacker and threshold for one crop ladder, and its inner score (worst, mean)."""
        ok = ~np.isnan(oof).any(axis=1)
        x = stack_inputs(np.nan_to_num(oof), n_chars)
        fit_rows = ok & train_row
        if len(set(y[fit_rows].tolist())) < 2:
            return None
        z2 = np.full(len(y), np.nan)
        for f in sorted(set(fold[fit_rows].tolist())):
            other = fit_rows & (fold != f)
            if len(set(y[other].tolist())) < 2:
                continue
            w, b = fit_lr(x[other], y[other], 1.0)
            z2[ok & (fold == f)] = x[ok & (fold == f)] @ w + b
        held = fit_rows & ~np.isnan(z2)
        cells = [f"{f}/{b}" for f, b in zip(fold, length_bucket(n_chars), strict=True)]
        t = robust_threshold(z2[held], y[held], [cells[i] for i in np.flatnonzero(held)])
        probe = ok & ~np.isnan(z2) & ((crop == 0) | np.isin(crop, PROBE_CHARS))
        accs = []
        for key in sorted({f"{f}/{c}" for f, c in zip(fold[probe], crop[probe], strict=True)}):
            m = probe & (np.char.add(np.char.add(fold.astype(str), "/"), crop.astype(str)) == key)
            pos, neg = y[m] == 1, y[m] == 0
            if pos.sum() and neg.sum():
                pred = z2[m] >= t
                accs.append(0.5 * (float(pred[pos].mean()) + float((~pred[neg]).mean())))
        w, b = fit_lr(x[fit_rows], y[fit_rows], 1.0)
        score = (min(accs), float(np.mean(accs))) if accs else (0.0, 0.0)
        return score, w, b, t

    # -- prediction -----------------------------------------------------------------------------
    @property
    def fitted(self) -> bool:
        return hasattr(self, "parts_")

    def component_scores(self, texts: Sequence[str]) -> Array:
        """Per-component logits, columns ``components()``."""
        norm = [normalise_text(t) for t in texts]
        emb = embeddings(norm) if "w_emb" in self.parts_ else None
        return component_scores(self.parts_, hashed_counts(norm, self.ngram_range),
                                style_matrix(norm), emb)  # fmt: skip

    def components(self) -> list[str]:
        return ["char", "style"] + (["embedding"] if "w_emb" in self.parts_ else [])

    def predict_proba(self, texts: Sequence[str]) -> Array:
        if not texts:
            return np.zeros(0)
        n_chars = [len(normalise_text(t)) for t in texts]
        z = stack_inputs(self.component_scores(texts), n_chars) @ self.w_stack_ + self.b_stack_
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    # -- artefact -------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        meta = {
            "ngram_range": list(self.ngram_range),
            "crops": list(self.crops_),
            "threshold_logit": self.threshold_,
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
                    ngram_range=(meta["ngram_range"][0], meta["ngram_range"][1]))  # fmt: skip
        scalars = {"b_char", "b_style", "b_emb"}
        model.parts_ = {k: (float(v) if k in scalars else v) for k, v in arrays.items()
                        if k not in {"w_stack", "b_stack"}}  # fmt: skip
        model.w_stack_, model.b_stack_ = arrays["w_stack"], float(arrays["b_stack"])
        model.crops_ = tuple(int(c) for c in meta["crops"])
        model.threshold_ = float(meta["threshold_logit"])
        model.n_train_ = int(meta["n_train"])
        return model
