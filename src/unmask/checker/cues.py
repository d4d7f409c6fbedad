"""Approach cues in the messages a member pastes, and in the answers to the guided questions.

``message_cues(texts)`` reads the pasted messages (oldest first) through the one cue catalogue
(``unmask/detectors/cues/catalogue.toml``), by the same function as the ``approach_language``
detector, so the checker, the batch scan and the live path share one definition. It is the
checker's fallback when ``approach_language`` is not registered. Both return findings, so the
policy combines them like any detector's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from unmask.checker.questions import QUESTION_IDS
from unmask.detectors.cues import load_catalogue, noisy_or
from unmask.detectors.cues.finding import cue_finding
from unmask.model import Evidence, Finding

CUES_VERSION = "2"

#: Answer to a guided question -> the cue it corresponds to (and its member text).
_ANSWER_TEXT: Mapping[str, tuple[float, str]] = {
    "flattery": (0.15, "you noticed unusual flattery"),
    "large_offer": (0.4, "you were offered unusually large pay"),
    "off_platform": (0.4, "you were asked to move off the platform"),
    "vague_employer": (0.3, "the employer or client is vague or hard to verify"),
    "insider": (0.4, "you were asked about non-public work or colleagues"),
    "travel": (0.3, "you were offered travel or a meeting in person"),
    "document": (0.3, "you were asked to open a document or link"),
    "mutual_contacts": (0.1, "trust rests mainly on mutual contacts"),
}


def message_cues(subject: str, texts: Iterable[str]) -> Finding:
    texts = [t for t in texts if t.strip()]
    if not texts:
        return Finding.abstain("checker_messages", CUES_VERSION, subject, "no messages given")
    sources = [(f"pasted message {i + 1}", t) for i, t in enumerate(texts)]
    note = f"catalogue {load_catalogue().version}"
    return cue_finding("checker_messages", CUES_VERSION, subject, sources, None, note)


def answer_cues(subject: str, answers: Mapping[str, bool]) -> Finding:
    """The member's own "yes" answers to the guided questions, as a finding."""
    yes = [q for q, v in answers.items() if v and q in QUESTION_IDS]
    if not answers:
        return Finding.abstain("checker_answers", CUES_VERSION, subject, "no answers given")
    if not yes:
        none = (Evidence("the member answered no to every question"),)
        return Finding("checker_answers", CUES_VERSION, subject, 0.0, none)
    evidence = tuple(
        Evidence(
            f"member answered yes: {q}",
            weight=_ANSWER_TEXT[q][0],
            member_text=_ANSWER_TEXT[q][1],
            data={"question": q},
        )
        for q in sorted(yes)
    )
    score = noisy_or(_ANSWER_TEXT[q][0] for q in yes)
    return Finding("checker_answers", CUES_VERSION, subject, score, evidence)
