"""Matching the cue catalogue against messages (pure functions).

``find_cues(text)`` returns every phrase that fired, in text order; ``read_sequence(texts)``
reads a sequence of messages (oldest first) into the cues per message, the escalation over the
sequence and the noisy-OR rule score; ``member_reasons`` turns what fired into the catalogue's
fixed member sentences (no score, no weight, no per-cue floor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from unmask.detectors.cues.schema import Catalogue, load_catalogue

__all__ = ["Compiled", "Cue", "SequenceReading", "compiled", "find_cues", "member_reasons",
           "noisy_or", "read_sequence",
           "sentences"]  # fmt: skip

# A sentence ends at . ! ? followed by space, or at a line break; "3,000.50" and "e.g." inside a
# sentence do not end it because no space follows the point.
_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Cue:
    category: str
    phrase: str
    start: int
    end: int


@dataclass(frozen=True)
class Compiled:
    catalogue: Catalogue
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    unless: dict[str, tuple[re.Pattern[str], ...]]

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(self.catalogue.cues)

    def weight(self, category: str) -> float:
        cue = self.catalogue.cues.get(category)
        if cue is not None:
            return cue.weight
        return self.catalogue.sequence.weight if category == "escalation" else 0.0

    def reason_id(self, category: str) -> str:
        cue = self.catalogue.cues.get(category)
        return cue.reason if cue is not None else self.catalogue.sequence.reason

    def strong(self, category: str) -> bool:
        cue = self.catalogue.cues.get(category)
        return bool(cue and cue.strong)


_CACHE: dict[int, Compiled] = {}


def _compile(cat: Catalogue) -> Compiled:
    hit = _CACHE.get(id(cat))
    if hit is not None and hit.catalogue is cat:
        return hit

    def comp(ps: Iterable[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(cat.expand(p), re.IGNORECASE) for p in ps)

    out = Compiled(
        cat,
        {k: comp(c.patterns) for k, c in cat.cues.items()},
        {k: comp(c.unless) for k, c in cat.cues.items()},
    )
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[id(cat)] = out
    return out


def compiled(cat: Catalogue | None = None) -> Compiled:
    return _compile(cat or load_catalogue())


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for a, b in sorted(set(spans)):
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def find_cues(text: str, cat: Catalogue | None = None) -> list[Cue]:
    """Every phrase that fired, in text order (overlapping phrases of one cue merged)."""
    comp = compiled(cat)
    sents = sentences(text)
    out: list[Cue] = []
    for cue_id, spec in comp.catalogue.cues.items():
        spans: list[tuple[int, int]] = []
        for i, (a, _b) in enumerate(sents):
            b = sents[i + 1][1] if spec.scope == "pair" and i + 1 < len(sents) else _b
            window = text[a:b]
            if any(u.search(window) for u in comp.unless[cue_id]):
                continue
            for pattern in comp.patterns[cue_id]:
                for m in pattern.finditer(window):
                    if m.group(0).strip():
                        spans.append((a + m.start(), a + m.end()))
        out.extend(Cue(cue_id, text[s:e].strip(), s, e) for s, e in _merge(spans))
    return sorted(out, key=lambda c: (c.start, c.category))


@dataclass(frozen=True)
class SequenceReading:
    """What the catalogue finds in a sequence of messages (oldest first)."""

    per_message: tuple[frozenset[str], ...]
    quotes: tuple[tuple[int, Cue], ...]
    escalated: bool
    categories: frozenset[str] = field(default_factory=frozenset)
    score: float = 0.0

    @property
    def strong(self) -> frozenset[str]:
        comp = compiled()
        return frozenset(c for c in self.categories if comp.strong(c))


def noisy_or(weights: Iterable[float], base: float = 0.0) -> float:
    keep = 1.0 - base
    for w in weights:
        keep *= 1.0 - w
    return round(1.0 - keep, 6)


def read_sequence(texts: Sequence[str], cat: Catalogue | None = None) -> SequenceReading:
    comp = compiled(cat)
    per: list[frozenset[str]] = []
    quotes: list[tuple[int, Cue]] = []
    for i, text in enumerate(texts):
        found = find_cues(text, comp.catalogue)
        per.append(frozenset(c.category for c in found))
        quotes.extend((i, c) for c in found)
    seq = comp.catalogue.sequence
    opening = per[0] if per else frozenset()
    later = frozenset().union(*per[1:]) if len(per) > 1 else frozenset()
    escalated = (
        len(per) >= seq.min_messages
        and not any(comp.strong(c) for c in opening)
        and any(comp.strong(c) for c in later)
    )
    categories = frozenset().union(*per) if per else frozenset()
    if escalated:
        categories = categories | {"escalation"}
    score = noisy_or((comp.weight(c) for c in categories), comp.catalogue.base if per else 0.0)
    return SequenceReading(tuple(per), tuple(quotes), escalated, categories, score)


def member_reasons(categories: Iterable[str], cat: Catalogue | None = None) -> list[str]:
    """The member sentences for what fired, in the catalogue's fixed [reasons] order."""
    comp = compiled(cat)
    ids = {comp.reason_id(c) for c in categories}
    return [text for rid, text in comp.catalogue.reasons.items() if rid in ids]
