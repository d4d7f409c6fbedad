"""One finding from the catalogue's reading of a sequence of messages: the definition shared by
``approach_language`` (batch and live) and the member checker's fallback ``checker_messages``.

Each member reason is its own piece of evidence (its weight: the noisy-OR of the cues behind it,
its ``member_text``: the catalogue's fixed sentence), quoting the phrases that fired for reviewers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from unmask.detectors.cues.match import compiled, member_reasons, read_sequence
from unmask.model import Evidence, Finding

__all__ = ["cue_finding"]

MAX_QUOTES = 12


def cue_finding(
    detector: str,
    version: str,
    subject: str,
    texts: Sequence[tuple[str, str]],
    p_model: float | None = None,
    note: str = "rules only",
) -> Finding:
    """``texts``: (source, text) oldest first. ``p_model``: a trained model's probability, which
    may raise the score but never lower it below the rule score."""
    if not texts:
        return Finding.abstain(detector, version, subject, "no notes or messages")
    comp = compiled()
    reading = read_sequence([t for _, t in texts])
    quotes: list[dict[str, Any]] = []
    for i, cue in reading.quotes:
        if len(quotes) < MAX_QUOTES and all(q["phrase"] != cue.phrase for q in quotes):
            quotes.append({"category": cue.category, "phrase": cue.phrase, "source": texts[i][0]})
    rules = reading.score
    score = rules if p_model is None else max(rules, p_model)
    basis = (
        f"trained model {p_model:.0%}, rule score {rules:.0%}"
        if p_model is not None
        else f"{note}; rule score {rules:.0%}"
    )
    cats = sorted(reading.categories)
    data: dict[str, Any] = {
        "quotes": quotes,
        "categories": cats,
        "rule_score": rules,
        "model_probability": p_model,
        "escalated": reading.escalated,
        "strong": sorted(reading.strong),
        "catalogue": comp.catalogue.version,
    }
    if not cats:
        text = f"no approach phrases in {len(texts)} note(s)/message(s) [{basis}]"
        return Finding(detector, version, subject, round(score, 6), (Evidence(text, data=data),))
    evidence: list[Evidence] = []
    for reason in member_reasons(cats):
        group = [c for c in cats if comp.catalogue.reasons[comp.reason_id(c)] == reason]
        shown = "; ".join(f'"{q["phrase"]}"' for q in quotes if q["category"] in group)
        keep = 1.0
        for c in group:
            keep *= 1.0 - comp.weight(c)
        evidence.append(
            Evidence(
                f"{', '.join(group)}: {shown or 'over the sequence'} [{basis}]",
                weight=round(1.0 - keep, 6),
                member_text=reason,
                data=data if not evidence else {"categories": group},
            )
        )
    return Finding(detector, version, subject, round(score, 6), tuple(evidence))
