"""The approach cues of the messages a contact sent, behind one small adapter.

``read_messages`` is the only thing the export inspection asks of the cue catalogue: what fired
(categories, the strong ones, the phrases), whether the sequence escalated (an opening without a
strong cue followed by one), the catalogue's rule score and the member sentences. ``READER`` is
the one line that chooses where they come from: the shared cue catalogue
(``unmask/detectors/cues/catalogue.toml``, the same definition as the checker, the
``approach_language`` detector and the live path).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from unmask.detectors.cues import member_reasons, read_sequence


@dataclass(frozen=True)
class CueReading:
    categories: frozenset[str]
    strong: frozenset[str]
    escalated: bool
    score: float
    reasons: tuple[str, ...]
    quotes: tuple[str, ...]
    strong_at: int | None  # index of the first message with a strong cue


def from_catalogue(texts: Sequence[str]) -> CueReading:
    reading = read_sequence(list(texts))
    strong = reading.strong
    strong_at = next((i for i, cats in enumerate(reading.per_message) if cats & strong), None)
    quotes: list[str] = []
    for _i, cue in reading.quotes:
        if cue.phrase not in quotes and len(quotes) < 6:
            quotes.append(cue.phrase)
    return CueReading(
        categories=reading.categories,
        strong=strong,
        escalated=reading.escalated,
        score=reading.score,
        reasons=tuple(member_reasons(reading.categories)),
        quotes=tuple(quotes),
        strong_at=strong_at,
    )


READER: Callable[[Sequence[str]], CueReading] = from_catalogue


@lru_cache(maxsize=4096)
def _read(texts: tuple[str, ...]) -> CueReading:
    return READER(texts)


def read_messages(texts: Sequence[str]) -> CueReading:
    """What the cue catalogue finds in ``texts`` (one contact's messages, oldest first);
    repeated sequences (templated invitation notes) are read once."""
    return _read(tuple(t for t in texts if t.strip()))
