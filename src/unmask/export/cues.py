"""The approach cues of the messages a contact sent, behind one small adapter.

``read_messages`` is the only thing the export inspection asks of the cue catalogue: what fired
(categories, the strong ones, the phrases), whether the sequence escalated (an opening without a
strong cue followed by one), the catalogue's rule score and the member sentences. Today it reads
the checker's cue functions (``unmask.checker.cues``); when the shared cue catalogue lands,
``READER`` points at its reader instead (one line).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from unmask.checker.cues import CUES, matched_cues

#: The checker's cues that alone make an approach worth reporting.
STRONG = frozenset({"payment", "off_platform", "document", "insider"})
ESCALATION = (0.2, "the conversation moved from small talk to an offer or a request")


@dataclass(frozen=True)
class CueReading:
    categories: frozenset[str]
    strong: frozenset[str]
    escalated: bool
    score: float
    reasons: tuple[str, ...]
    quotes: tuple[str, ...]
    strong_at: int | None  # index of the first message with a strong cue


def _noisy_or(weights: Sequence[float]) -> float:
    keep = 1.0
    for w in weights:
        keep *= 1.0 - w
    return round(1.0 - keep, 6)


def from_checker_cues(texts: Sequence[str]) -> CueReading:
    per = [set(matched_cues([t])) for t in texts]
    hits = matched_cues(texts)
    fired = [c for c in CUES if c.id in hits]
    categories = frozenset(c.id for c in fired)
    strong_at = next((i for i, cats in enumerate(per) if cats & STRONG), None)
    escalated = len(per) >= 2 and strong_at is not None and strong_at > 0
    quotes: list[str] = []
    for c in fired:
        for phrase in dict.fromkeys(hits[c.id]):
            if len(quotes) < 6:
                quotes.append(phrase)
    weights = [c.weight for c in fired] + ([ESCALATION[0]] if escalated else [])
    reasons = [c.member_text for c in fired] + ([ESCALATION[1]] if escalated else [])
    return CueReading(
        categories=categories | ({"escalation"} if escalated else set()),
        strong=categories & STRONG,
        escalated=escalated,
        score=_noisy_or(weights),
        reasons=tuple(reasons),
        quotes=tuple(quotes),
        strong_at=strong_at,
    )


READER: Callable[[Sequence[str]], CueReading] = from_checker_cues


def read_messages(texts: Sequence[str]) -> CueReading:
    """What the cue catalogue finds in ``texts`` (one contact's messages, oldest first)."""
    return READER([t for t in texts if t.strip()])
