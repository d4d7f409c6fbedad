"""The public side of a check: a coarse level, plain reasons, advice. Never scores or weights.

A member sees three levels, at most ``MAX_REASONS`` reasons taken only from the ``member_text``
that detectors wrote for that purpose, and no reasons at all for a low result (so the answer does
not tell a fake's operator which signal to fix next). Reasons are listed in a fixed order by
source, not by how much they counted.

Reasons are coarse and stable: a reason is shown when its rule fired on the input (a cue in the
messages, no page for the employer, a yes to a question), whatever the finding's score, so a
small change to a profile cannot make one reason appear or vanish by crossing a per-detector
threshold. Learned detectors (``LEARNED``: trained models whose member wording is gated by their
own score) never give a public reason: their reasons would tell a prober, one detector at a time,
on which side of its threshold a profile is; and since a finding that cannot explain itself to a
member does not count for the member's level (``explains``), they do not move it either. The
rules themselves are no secret (the source is public); the trained models' scores are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from unmask.checker.questions import QUESTIONS, Question
from unmask.model import Finding

Level = Literal["low", "medium", "high"]
HIGH, MEDIUM = 0.6, 0.3
MAX_REASONS = 5
#: Detectors whose member wording depends on a trained model's score: never a public reason.
LEARNED: frozenset[str] = frozenset({"profile_model", "synthetic_face", "text_origin"})

ADVICE: dict[Level, tuple[str, ...]] = {
    "high": (
        "Do not accept the invitation. If you already did, remove the connection.",
        "Report the profile to the platform and tell your organisation's security team.",
        "Do not move to another app, and do not open documents or links they sent.",
        "Do not share your CV, project details or the names of colleagues.",
    ),
    "medium": (
        "Do not accept until you have verified who they are through a channel you trust, "
        "such as the employer's official website or switchboard.",
        "If any of the questions below applies, report the profile: a report made in good "
        "faith costs nothing.",
        "Keep the conversation on the platform and do not open attachments.",
    ),
    "low": (
        "Nothing we can see stands out, but this is not proof: fakes can look complete.",
        "Accept only people you know or can verify, and report the profile if an offer, "
        "flattery or pressure to move off the platform follows.",
    ),
}

#: Sources in the order their reasons are listed (unlisted detectors come after, by name).
_ORDER = (
    "shared_photo",
    "photo_reuse",
    "synthetic_face",
    "employer_claims",
    "checker_employer",
    "approach_language",
    "checker_messages",
    "checker_target",
    "checker_answers",
)


def level_of(risk: float) -> Level:
    return "high" if risk >= HIGH else "medium" if risk >= MEDIUM else "low"


@dataclass(frozen=True, slots=True)
class PublicCheck:
    """Everything a member is shown: deliberately coarse."""

    risk: Level
    reasons: tuple[str, ...]
    advice: tuple[str, ...]
    questions: tuple[Question, ...] = QUESTIONS

    def as_dict(self) -> dict[str, Any]:
        return {
            "risk": self.risk,
            "reasons": list(self.reasons),
            "advice": list(self.advice),
            "questions": [{"id": q.id, "text": q.text, "why": q.why} for q in self.questions],
        }


def _rank(detector: str) -> tuple[int, str]:
    return (_ORDER.index(detector) if detector in _ORDER else len(_ORDER), detector)


def explains(finding: Finding) -> bool:
    """May this finding raise a member's level? Only if it scored, is not a learned detector
    (``LEARNED`` never gives a public reason) and can say why in member words with weight: a
    detector that cannot explain itself to a member cannot raise the member's level, so every
    level above low comes with at least one reason."""
    return (
        bool(finding.score)
        and finding.detector not in LEARNED
        and any(ev.member_text and ev.weight > 0 for ev in finding.evidence)
    )


def public_reasons(findings: Sequence[Finding], level: Level) -> tuple[str, ...]:
    if level == "low":
        return ()
    out: list[str] = []
    for finding in sorted(findings, key=lambda f: _rank(f.detector)):
        if not explains(finding):
            continue
        for ev in finding.evidence:
            if ev.member_text and ev.weight > 0 and ev.member_text not in out:
                out.append(ev.member_text)
    return tuple(out[:MAX_REASONS])


def redact(risk: float, findings: Sequence[Finding]) -> PublicCheck:
    level = level_of(risk)
    return PublicCheck(level, public_reasons(findings, level), ADVICE[level])
