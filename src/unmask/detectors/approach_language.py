"""``approach_language``: invitation notes and messages that follow the hostile-approach pattern.

Reads the notes and messages an account sent. The interpretable part finds the cue phrases of
``approach_features`` (flattery, pay for reports, referral bounties, paid travel, urgency or
secrecy, moving off the platform, headhunter or think-tank framing, requests for non-public
information, CVs, clearances or colleagues, documents and links) and quotes them as evidence.
Untrained, the score is the rule score over the categories found; once ``fit`` has enough
labelled senders, a logistic regression over the cue counts and word n-grams gives the score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from unmask.detectors.approach_features import find_cues, member_reason, rule_score
from unmask.detectors.approach_model import ApproachModel
from unmask.detectors.artifact_npz import pack_model, unpack_model
from unmask.detectors.base import subjects_of
from unmask.detectors.registry import register
from unmask.detectors.text_sources import approach_texts
from unmask.model import Evidence, Finding, Snapshot

_FORMAT = "unmask.detector.approach_language"
_MAX_QUOTES = 12


@register
class ApproachLanguage:
    name: ClassVar[str] = "approach_language"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"account", "invitation", "message"})
    description: ClassVar[str] = (
        "Notes and messages that follow the hostile-approach pattern (quoted cue phrases, "
        "rule score or trained model)."
    )

    def __init__(self, min_per_class: int = 5) -> None:
        self.min_per_class = min_per_class

    def fit(self, snapshot: Snapshot, labels: Mapping[str, bool]) -> ApproachLanguage:
        docs, y = [], []
        for account_id, is_fake in sorted(labels.items()):
            texts = approach_texts(snapshot, account_id)
            if texts:
                docs.append("\n".join(t for _, t in texts))
                y.append(int(is_fake))
        per_class = min(y.count(0), y.count(1))
        if per_class < self.min_per_class:
            self.model_: ApproachModel | None = None
            self.fit_note_ = (f"not trained: {per_class} labelled sender(s) in the smaller "
                              f"class, {self.min_per_class} needed")  # fmt: skip
            return self
        self.model_ = ApproachModel().fit(docs, y)
        self.fit_note_ = f"trained on {len(docs)} labelled senders"
        return self

    def to_artifact(self) -> bytes:
        model = getattr(self, "model_", None)
        note = getattr(self, "fit_note_", "not trained")
        return pack_model(_FORMAT, self.version, model.to_bytes() if model else None, note)

    def load_artifact(self, data: bytes) -> None:
        blob, self.fit_note_ = unpack_model(data, _FORMAT, self.version)
        self.model_ = ApproachModel.from_bytes(blob) if blob else None

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        asked = list(subjects_of(snapshot, subjects))
        texts = {a: approach_texts(snapshot, a) for a in asked}
        model = getattr(self, "model_", None)
        senders = [a for a in asked if texts[a]]
        probs: dict[str, float] = {}
        if model is not None and senders:
            docs = ["\n".join(t for _, t in texts[a]) for a in senders]
            probs = dict(zip(senders, model.predict_proba(docs).tolist(), strict=True))
        out = []
        for subject in asked:
            if not texts[subject]:
                reason = "sent no invitation notes or messages"
                out.append(Finding.abstain(self.name, self.version, subject, reason))
                continue
            out.append(self._finding(subject, texts[subject], probs.get(subject)))
        return out

    def _finding(
        self, subject: str, texts: list[tuple[str, str]], p_model: float | None
    ) -> Finding:
        quotes: list[dict[str, Any]] = []
        categories: set[str] = set()
        for source, text in texts:
            for cue in find_cues(text):
                categories.add(cue.category)
                if len(quotes) < _MAX_QUOTES and all(q["phrase"] != cue.phrase for q in quotes):
                    quotes.append({"category": cue.category, "phrase": cue.phrase,
                                   "source": source})  # fmt: skip
        rules = rule_score(categories)
        score = rules if p_model is None else p_model
        basis = (f"trained model: {p_model:.0%}" if p_model is not None
                 else f"{getattr(self, 'fit_note_', 'not trained')}; rule score")  # fmt: skip
        if categories:
            shown = "; ".join(f'"{q["phrase"]}" ({q["category"]})' for q in quotes[:4])
            text = (f"{len(categories)} approach cue type(s) in {len(texts)} note(s)/message(s): "
                    f"{shown} [{basis}]")  # fmt: skip
        else:
            text = f"no approach phrases in {len(texts)} note(s)/message(s) [{basis}]"
        evidence = Evidence(
            text, weight=round(score, 6), member_text=member_reason(categories),
            data={"quotes": quotes, "categories": sorted(categories), "rule_score": rules,
                  "model_probability": p_model},
        )  # fmt: skip
        return Finding(self.name, self.version, subject, round(score, 6), (evidence,))
