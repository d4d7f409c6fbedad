"""Cues of the hostile-approach pattern in one message or invitation note (pure functions).

A thin view of the cue catalogue (``unmask/detectors/cues/catalogue.toml``), the one definition
of the approach hallmarks shared by ``approach_language``, the member checker and the live path:
flattery, money for reports (not an advertised salary), per-referral bounties, paid travel,
urgency and secrecy, moving off the platform, an unnamed client or think-tank framing, requests
for non-public work, colleagues, clearances and CVs, and files or links to open. ``find_cues``
returns the exact phrases that fired so that a reviewer can read them; ``member_reason`` turns
categories into the catalogue's fixed member sentences.
"""

from __future__ import annotations

from unmask.detectors.cues import Cue, compiled, find_cues, member_reasons, noisy_or

__all__ = ["CATEGORIES", "CATEGORY_WEIGHTS", "Cue", "cue_vector", "find_cues", "member_reason",
           "rule_score"]  # fmt: skip

CATEGORIES: tuple[str, ...] = (*compiled().categories, "escalation")
#: Weights of the untrained rule score (a noisy-OR over the categories present), from the catalogue.
CATEGORY_WEIGHTS: dict[str, float] = {c: compiled().weight(c) for c in CATEGORIES}


def cue_vector(text: str) -> dict[str, float]:
    """How many phrases of each category fired, ``CATEGORIES`` order (escalation needs a
    sequence, so it is 0 for one text)."""
    counts = dict.fromkeys(CATEGORIES, 0.0)
    for cue in find_cues(text):
        counts[cue.category] += 1.0
    return counts


def rule_score(categories: set[str] | frozenset[str]) -> float:
    """The untrained score: ``1 - (1 - base) * prod(1 - weight)`` over the categories present."""
    comp = compiled()
    return noisy_or((comp.weight(c) for c in categories), comp.catalogue.base if categories else 0)


def member_reason(categories: set[str] | frozenset[str], limit: int = 2) -> str | None:
    """A coarse reason for members: the catalogue sentences of the two weightiest categories."""
    comp = compiled()
    ranked = sorted(categories, key=lambda c: (-comp.weight(c), c))
    reasons = member_reasons(ranked[:limit])
    return "; ".join(reasons) if reasons else None
