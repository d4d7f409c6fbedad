"""What detectors conclude: findings with evidence, and the assessment that combines them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """One fact a reviewer can read and check.

    ``text`` is for reviewers ("photo matches 3 other accounts"); ``member_text`` is the coarse,
    redacted wording a member may be shown (None: never shown to members). ``data`` carries the
    machine-readable detail (related account ids, quoted phrases, feature contributions).
    """

    text: str
    weight: float = 0.0
    member_text: str | None = None
    related: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)


class _AbstainType:
    """Marker for a detector that had no data to judge by: never a silent 0."""

    _instance: _AbstainType | None = None

    def __new__(cls) -> _AbstainType:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "Abstain"

    def __bool__(self) -> bool:
        return False


Abstain = _AbstainType()


@dataclass(frozen=True, slots=True)
class Finding:
    """A detector's judgement about one subject (an account, or a campaign).

    ``score`` is in [0, 1] (higher: more likely fake or hostile) or ``None`` when the detector
    abstained because the data it needs is missing; ``reason`` then says what was missing.
    """

    detector: str
    version: str
    subject: str
    score: float | None
    evidence: tuple[Evidence, ...] = ()
    reason: str = ""
    subject_kind: str = "account"

    def __post_init__(self) -> None:
        if self.score is not None and not 0.0 <= self.score <= 1.0:
            raise ValueError(f"{self.detector}: score {self.score} outside [0, 1]")
        if self.score is not None and not self.evidence:
            raise ValueError(f"{self.detector}: a scored finding needs evidence")
        if self.score is None and not self.reason:
            raise ValueError(f"{self.detector}: an abstention needs a reason")

    @property
    def abstained(self) -> bool:
        return self.score is None

    @classmethod
    def abstain(
        cls, detector: str, version: str, subject: str, reason: str, subject_kind: str = "account"
    ) -> Finding:
        return cls(detector, version, subject, None, (), reason, subject_kind)


@dataclass(frozen=True, slots=True)
class Assessment:
    """All findings for one subject combined by a policy into one risk and a route."""

    subject: str
    risk: float
    route: str
    policy_version: str
    findings: tuple[Finding, ...]
    subject_kind: str = "account"


def evidence_json(f: Finding) -> list[dict[str, Any]]:
    """A finding's evidence as JSON values: the one stored form (``evidence_of`` reads it back)."""
    return [
        {
            "text": e.text,
            "weight": e.weight,
            "member_text": e.member_text,
            "related": list(e.related),
            "data": e.data,
        }
        for e in f.evidence
    ]


def evidence_of(items: list[dict[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            str(e.get("text", "")),
            float(e.get("weight", 0.0)),
            e.get("member_text"),
            tuple(str(r) for r in e.get("related", ())),
            dict(e.get("data") or {}),
        )
        for e in items or []
    )
