"""What a parser made of its input, object by object: nothing is dropped without a line saying so.

Every input object (a STIX object, a MISP attribute, a CSV row) gets exactly one outcome:
``imported`` (it gave indicators), ``context`` (understood and kept, but not itself an indicator:
a campaign, a relationship, an intrusion set), ``skipped`` (valid but nothing unmask can match:
an unsupported pattern, a revoked object) or ``rejected`` (invalid, with the error).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from unmask.model.records import Indicator


class Status(StrEnum):
    IMPORTED = "imported"
    CONTEXT = "context"
    SKIPPED = "skipped"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Outcome:
    where: str  # "file.json objects[3]", "events.csv line 7"
    type: str  # STIX type, MISP attribute type, "csv-row", or "file"
    id: str | None
    status: Status
    message: str = ""
    indicators: int = 0


@dataclass
class ParseResult:
    indicators: list[Indicator] = field(default_factory=list)
    context: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)

    def extend(self, other: ParseResult) -> None:
        self.indicators.extend(other.indicators)
        self.context.extend(other.context)
        self.outcomes.extend(other.outcomes)

    def counts(self) -> dict[str, Counter[Status]]:
        """Per object type, how many of each outcome."""
        out: dict[str, Counter[Status]] = defaultdict(Counter)
        for o in self.outcomes:
            out[o.type][o.status] += 1
        return dict(sorted(out.items()))

    def problems(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status in (Status.REJECTED, Status.SKIPPED)]
