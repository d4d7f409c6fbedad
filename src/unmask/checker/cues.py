"""Approach cues in the messages a member pastes, and in the answers to the guided questions.

``message_cues(texts)`` finds the approach hallmarks of TRADECRAFT.md (flattery, pay for reports,
pressure to move off the platform, paid travel, documents to open, insider and referral requests).
It is the checker's fallback: when the ``approach_language`` detector is registered, its finding
on the pasted messages is used instead and these cues only add what it does not cover (see
``assessment``). Both return findings, so the policy combines them like any detector's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from unmask.checker.questions import QUESTION_IDS
from unmask.model import Evidence, Finding

CUES_VERSION = "1"


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    weight: float
    pattern: re.Pattern[str]
    member_text: str


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


CUES: tuple[Cue, ...] = (
    Cue(
        "payment",
        0.45,
        _rx(
            r"(?:usd|eur|gbp|\$|€|£)\s?\d[\d,.]*",
            r"\d[\d,.]*\s?(?:usd|eur|gbp|dollars|euros|pounds)",
            r"honorarium",
            r"well[- ]paid",
            r"paid (?:assignment|work|report|project|contract)s?",
            r"referral fee",
            r"we (?:can )?(?:pay|offer)",
            r"pays? (?:you|well|for)",
        ),
        "they offer payment for reports, advice or referrals",
    ),
    Cue(
        "off_platform",
        0.45,
        _rx(
            r"whatsapp",
            r"telegram",
            r"wechat",
            r"signal\b",
            r"viber",
            r"personal e-?mail",
            r"my number",
            r"add me on",
            r"continue on",
            r"phone call",
            r"talk more freely",
            r"(?:this|the) site is not convenient",
        ),
        "they ask to move the conversation to another app, e-mail or phone",
    ),
    Cue(
        "travel",
        0.3,
        _rx(
            r"travel (?:and|&) hotel",
            r"flights?",
            r"all travel",
            r"trip",
            r"meet (?:you )?in person",
            r"face to face",
            r"seminar abroad",
            r"invite you",
        ),
        "they offer paid travel or a meeting in person",
    ),
    Cue(
        "document",
        0.3,
        _rx(
            r"attached",
            r"open (?:it|the (?:file|document|attachment|link))",
            r"\w+\.(?:docx?|xlsm|zip|iso|rar|exe|lnk)\b",
            r"work computer",
            r"complete the (?:short )?(?:skills )?form",
        ),
        "they send a document or link and ask you to open it",
    ),
    Cue(
        "insider",
        0.4,
        _rx(
            r"how (?:\w+ ){0,3}works",
            r"who works on",
            r"your (?:team|colleagues?)",
            r"colleagues? from",
            r"non-public",
            r"internal",
            r"insight into",
            r"clearance",
        ),
        "they ask about colleagues, your team or how your employer works inside",
    ),
    Cue(
        "flattery",
        0.15,
        _rx(
            r"impress(?:ed|ive)",
            r"remarkable",
            r"outstanding",
            r"very rare",
            r"leading experts?",
            r"(?:my|an?) honou?r",
            r"fascinating",
            r"exceptional",
            r"perfect(?:ly)? fit",
        ),
        "the message leans heavily on flattery",
    ),
    Cue(
        "opportunity",
        0.1,
        _rx(
            r"opportunit",
            r"oppotunit",
            r"long-term cooperation",
            r"expert network",
            r"our client",
            r"clients? overseas",
        ),
        "an unsolicited offer of work from someone you do not know",
    ),
)

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


def _noisy_or(weights: Iterable[float]) -> float:
    survive = 1.0
    for w in weights:
        survive *= 1.0 - w
    return round(1.0 - survive, 6)


def matched_cues(texts: Iterable[str]) -> dict[str, list[str]]:
    """Cue id -> the phrases that matched (for reviewers), over all texts."""
    out: dict[str, list[str]] = {}
    for text in texts:
        for cue in CUES:
            for m in cue.pattern.finditer(text):
                out.setdefault(cue.id, []).append(m.group(0))
    return out


def message_cues(subject: str, texts: Iterable[str]) -> Finding:
    texts = [t for t in texts if t.strip()]
    if not texts:
        return Finding.abstain("checker_messages", CUES_VERSION, subject, "no messages given")
    hits = matched_cues(texts)
    fired = [c for c in CUES if c.id in hits]
    if not fired:
        none = (Evidence("no approach hallmarks in the messages"),)
        return Finding("checker_messages", CUES_VERSION, subject, 0.0, none)
    evidence = tuple(
        Evidence(
            f"{c.id}: " + ", ".join(sorted(set(hits[c.id]))[:5]),
            weight=c.weight,
            member_text=c.member_text,
            data={"cue": c.id},
        )
        for c in fired
    )
    score = _noisy_or(c.weight for c in fired)
    return Finding("checker_messages", CUES_VERSION, subject, score, evidence)


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
    score = _noisy_or(_ANSWER_TEXT[q][0] for q in yes)
    return Finding("checker_answers", CUES_VERSION, subject, score, evidence)
