"""Hits to findings: one finding per account, the indicators as evidence.

A hit's strength is the indicator's confidence x the match similarity x the kind's weight (a
persona name alone is weak: real people share names; a photo or e-mail is strong). Hits on
different indicators combine as a noisy-or. Members are never told which intelligence matched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from unmask.intel.matching import Hit
from unmask.model import Evidence, Finding
from unmask.model.enums import IndicatorKind as K

NAME = "intel_match"
VERSION = "1"

KIND_WEIGHT: dict[K, float] = {
    K.PHOTO_PDQ: 1.0,
    K.EMAIL: 1.0,
    K.PHONE: 0.9,
    K.URL: 0.8,
    K.DOMAIN: 0.8,
    K.PHRASE: 0.7,
    K.COMPANY: 0.6,
    K.PERSONA_NAME: 0.6,
    K.IP_RANGE: 0.5,
}
MAX_EVIDENCE = 20


def strength(hit: Hit) -> float:
    return hit.indicator.confidence * hit.similarity * KIND_WEIGHT[hit.indicator.kind]


def hit_evidence(hit: Hit) -> Evidence:
    ind = hit.indicator
    how = "matches" if hit.similarity >= 1.0 else f"resembles ({hit.similarity:.0%})"
    text = (
        f"{hit.where} {hit.observed[:80]!r} {how} {ind.kind.value.replace('_', ' ')} indicator "
        f"{ind.value[:80]!r} from {ind.source} (TLP:{ind.tlp.value.upper()}, "
        f"confidence {ind.confidence:.2f}"
        + (f", campaign {ind.campaign}" if ind.campaign else "")
        + ")"
    )
    return Evidence(
        text,
        weight=strength(hit),
        member_text=None,
        related=(),
        data={
            "indicator_id": ind.id,
            "kind": ind.kind.value,
            "source": ind.source,
            "tlp": ind.tlp.value,
            "campaign": ind.campaign,
            "similarity": round(hit.similarity, 4),
            "where": hit.where,
        },
    )


def by_subject(hits: Iterable[Hit]) -> dict[str, list[Hit]]:
    """Each subject's hits, the strongest per indicator only, strongest first."""
    best: dict[str, dict[str, Hit]] = defaultdict(dict)
    for hit in hits:
        seen = best[hit.subject].get(hit.indicator.id)
        if seen is None or strength(hit) > strength(seen):
            best[hit.subject][hit.indicator.id] = hit
    return {
        s: sorted(h.values(), key=lambda x: (-strength(x), x.indicator.id)) for s, h in best.items()
    }


def finding_for(subject: str, hits: Sequence[Hit]) -> Finding:
    if not hits:
        return Finding(NAME, VERSION, subject, 0.0, (Evidence("no indicator matched"),))
    miss = 1.0
    for hit in hits:
        miss *= 1.0 - strength(hit)
    return Finding(
        NAME,
        VERSION,
        subject,
        round(min(1.0, max(0.0, 1.0 - miss)), 6),
        tuple(hit_evidence(h) for h in hits[:MAX_EVIDENCE]),
    )


def campaigns_of(hits: Sequence[Hit]) -> list[str]:
    return sorted({h.indicator.campaign for h in hits if h.indicator.campaign})
