"""``approach_language``: invitation notes and messages that follow the hostile-approach pattern.

Reads the notes and messages an account sent, oldest first, through the cue catalogue
(``detectors/cues/catalogue.toml``): flattery, money for reports (not an advertised salary),
referral bounties, paid travel, urgency or secrecy, moving off the platform, an unnamed client or
think-tank framing, requests for non-public work, colleagues, clearances or CVs, files and links
to open, and the escalation over the sequence. The score is the catalogue's noisy-OR rule score;
each member reason is its own evidence, quoting the phrases that fired.

A trained model is opt-in (``train_model=True``): the default detector ships no model, because
the only labelled text at hand is the simulator's templates, and a model fitted on them scored
hand-written hostile messages 1-13%. When a model is trained it may only add evidence: the score
is ``max(rule score, model probability)``, so a strong cue that fired is never suppressed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from unmask.detectors.approach_model import ApproachModel
from unmask.detectors.artifact_npz import unpack_model
from unmask.detectors.base import subjects_of
from unmask.detectors.cues.finding import cue_finding
from unmask.detectors.text_sources import approach_texts
from unmask.detectors.trainable import Trainable
from unmask.model import Finding, Snapshot

_FORMAT = "unmask.detector.approach_language"


class ApproachLanguage(Trainable):
    name: ClassVar[str] = "approach_language"
    version: ClassVar[str] = "2"
    needs: ClassVar[frozenset[str]] = frozenset({"account", "invitation", "message"})
    description: ClassVar[str] = (
        "Notes and messages that follow the hostile-approach pattern (quoted cue phrases, "
        "rule score or trained model)."
    )
    artifact_format: ClassVar[str] = _FORMAT
    model_type: ClassVar[type[ApproachModel]] = ApproachModel

    def __init__(self, min_per_class: int = 5, train_model: bool = False) -> None:
        self.min_per_class = min_per_class
        self.train_model = train_model

    def fit(self, snapshot: Snapshot, labels: Mapping[str, bool]) -> ApproachLanguage:
        if not self.train_model:
            self.model_: ApproachModel | None = None
            self.fit_note_ = "rules only (a trained model is opt-in: train_model=True)"
            return self
        docs, y = [], []
        for account_id, is_fake in sorted(labels.items()):
            texts = approach_texts(snapshot, account_id)
            if texts:
                docs.append("\n".join(t for _, t in texts))
                y.append(int(is_fake))
        if not self.gate(y, "sender(s)"):
            return self
        self.model_ = ApproachModel().fit(docs, y)
        self.fit_note_ = f"trained on {len(docs)} labelled senders"
        return self

    def load_artifact(self, data: bytes) -> None:
        """Load a saved fit. A model in it is used only when ``train_model`` is set; an artefact
        of an older version or cue catalogue is ignored (rules only), never an error."""
        self.model_ = None
        try:
            blob, self.fit_note_ = unpack_model(data, _FORMAT, self.version)
            if blob and self.train_model:
                self.model_ = ApproachModel.from_bytes(blob)
            elif blob:
                self.fit_note_ = "rules only (the saved model is ignored: train_model is off)"
        except (ValueError, KeyError) as exc:
            self.fit_note_ = f"rules only (saved artefact not usable: {exc})"

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
        note = getattr(self, "fit_note_", "rules only")
        return cue_finding(self.name, self.version, subject, texts, p_model, note)
