"""``text_origin``: is the account's own text machine-generated or templated?

Reads the headline, about, position descriptions and invitation notes. Three kinds of evidence:

- a trained model (``TextOriginModel``: character n-grams, style, MiniLM embeddings) giving a
  calibrated probability that the text is generated; only after ``fit``;
- untrained heuristics: template placeholders left in the text (``[Company Name]``) and the
  rate of stock words of generated text (used instead of the model while it is not trained);
- near-duplicate text across accounts (MinHash LSH), evidence of a persona template.

Evidence parts are combined as a noisy-or: ``1 - prod(1 - p_i)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

import numpy as np

from unmask.detectors.base import subjects_of
from unmask.detectors.near_duplicates import near_duplicates
from unmask.detectors.text_features import find_placeholders, generated_style_hits, words
from unmask.detectors.text_origin_model import TextOriginModel
from unmask.detectors.text_sources import profile_texts
from unmask.detectors.trainable import Trainable
from unmask.model import Evidence, Finding, Snapshot

_FORMAT = "unmask.detector.text_origin"


def _document(texts: list[tuple[str, str]]) -> str:
    return "\n".join(text for _, text in texts)


class TextOrigin(Trainable):
    name: ClassVar[str] = "text_origin"
    version: ClassVar[str] = "2"
    needs: ClassVar[frozenset[str]] = frozenset({"account", "invitation"})
    description: ClassVar[str] = (
        "Generated or templated profile text: trained text model, placeholders, stock phrasing, "
        "near-duplicate text across accounts."
    )
    artifact_format: ClassVar[str] = _FORMAT
    model_type: ClassVar[type[TextOriginModel]] = TextOriginModel

    def __init__(self, use_embeddings: bool = True, min_per_class: int = 10,
                 dup_threshold: float = 0.6) -> None:  # fmt: skip
        self.use_embeddings = use_embeddings
        self.min_per_class = min_per_class
        self.dup_threshold = dup_threshold

    # -- training -------------------------------------------------------------------------------
    def fit(self, snapshot: Snapshot, labels: Mapping[str, bool]) -> TextOrigin:
        docs, y = [], []
        for account_id, is_fake in sorted(labels.items()):
            doc = _document(profile_texts(snapshot, account_id))
            if doc.strip():
                docs.append(doc)
                y.append(int(is_fake))
        if not self.gate(y, "account(s) with text"):
            return self
        use_embeddings, note = self.use_embeddings, ""
        if use_embeddings:
            from unmask.detectors.text_embedding import EmbeddingUnavailableError, model_files

            try:
                model_files()
            except EmbeddingUnavailableError as exc:
                use_embeddings, note = False, f" without embeddings ({exc})"
        self.model_ = TextOriginModel(use_embeddings=use_embeddings).fit(docs, y)
        self.fit_note_ = f"trained on {len(docs)} labelled accounts{note}"
        return self

    # -- detection ------------------------------------------------------------------------------
    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        asked = list(subjects_of(snapshot, subjects))
        texts = {a: profile_texts(snapshot, a) for a in asked}
        dups = near_duplicates(
            ((a, src, t) for a in snapshot.accounts for src, t in profile_texts(snapshot, a)
             if src != "headline"),
            threshold=self.dup_threshold,
        )  # fmt: skip
        model = getattr(self, "model_", None)
        with_text = [a for a in asked if texts[a]]
        probs = model.predict_proba([_document(texts[a]) for a in with_text]) if model else []
        p_model = dict(zip(with_text, (float(p) for p in probs), strict=False))
        out = []
        for subject in asked:
            if not texts[subject]:
                out.append(Finding.abstain(self.name, self.version, subject, "no profile text"))
                continue
            evidence = self._evidence(texts[subject], dups.get(subject, {}), p_model.get(subject))
            keep = float(np.prod([1.0 - e.weight for e in evidence]))
            out.append(Finding(self.name, self.version, subject, round(1.0 - keep, 6), evidence))
        return out

    def _evidence(
        self, texts: list[tuple[str, str]], dups: Mapping[str, set[str]], p_model: float | None
    ) -> tuple[Evidence, ...]:
        out: list[Evidence] = []
        if p_model is not None:
            out.append(Evidence(f"text model: {p_model:.0%} probability the text is generated",
                                weight=p_model, data={"probability": p_model}))  # fmt: skip
        else:
            doc = _document(texts)
            hits = generated_style_hits(doc)
            n_words = max(len(words(doc)), 1)
            weight = min(0.5, 4.0 * len(hits) / n_words) if n_words >= 8 else 0.0
            note = getattr(self, "fit_note_", "not trained")
            out.append(Evidence(
                f"{note}; heuristics only: {len(hits)} stock word(s) of generated text in "
                f"{n_words} words", weight=round(weight, 6),
                data={"stock_words": sorted(set(hits))[:20], "trained": False}))  # fmt: skip
        for source, text in texts:
            slots = find_placeholders(text)
            if slots:
                out.append(
                    Evidence(
                        f"template placeholder left in the {source}: {slots[0]}",
                        weight=0.8,
                        member_text="the profile text looks templated",
                        data={"placeholders": slots[:10], "source": source},
                    )
                )
        for source, others in sorted(dups.items()):
            related = tuple(sorted(others))
            weight = min(0.9, 0.5 + 0.1 * len(related))
            out.append(Evidence(
                f"{source} is nearly identical to text on {len(related)} other account(s)",
                weight=weight, member_text="the same text appears on other profiles",
                related=related[:50], data={"source": source}))  # fmt: skip
        return tuple(out)
