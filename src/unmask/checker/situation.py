"""The member's own situation (``--me ME.json``, the "About you" form on ``/check``): role,
sector and whether a clearance is visible on their profile. It lets "they approached someone with
access" count, and only together with an approach cue: being a cleared engineer is no evidence
that whoever wrote to you is hostile.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from unmask.checker.intake import IntakeError
from unmask.model import Evidence, Finding
from unmask.model.enums import SENSITIVE_SECTORS, Sector

NAME, VERSION = "checker_target", "1"
#: What "access" adds when the messages already carry a strong approach cue.
TARGET_WEIGHT = 0.3
MEMBER_TEXT = "they approached someone whose work gives access to sensitive information"

_SYNONYMS: Mapping[str, Sector] = {
    "pharma": Sector.PHARMACEUTICALS,
    "life sciences": Sector.PHARMACEUTICALS,
    "biotech": Sector.PHARMACEUTICALS,
    "military": Sector.DEFENCE,
    "defense": Sector.DEFENCE,
    "armed forces": Sector.DEFENCE,
    "space": Sector.AEROSPACE,
    "civil service": Sector.GOVERNMENT,
    "public sector": Sector.GOVERNMENT,
    "parliament": Sector.GOVERNMENT,
    "diplomacy": Sector.GOVERNMENT,
    "intelligence": Sector.SECURITY,
    "nuclear": Sector.ENERGY,
    "telecoms": Sector.TELECOM,
    "telecommunications": Sector.TELECOM,
}
_SENSITIVE_ROLE = re.compile(
    r"\b(?:intelligence|classified|weapons?|nuclear|missile|cryptograph\w*|counter[- ]?\w+|"
    r"diplomat\w*|attach[eé]|chief of staff|private secretary|special adviser|"
    r"policy (?:advis|offic)\w*|procurement|signals|sonar|radar|submarine|avionics|propulsion|"
    r"parliament\w*|minist\w+|"
    r"committee|aide|embassy|official|civil servant|vaccine|clinical)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Situation:
    role: str = ""
    sector: Sector | None = None
    clearance: bool = False

    @property
    def has_access(self) -> bool:
        return (
            self.clearance
            or (self.sector is not None and self.sector in SENSITIVE_SECTORS)
            or bool(_SENSITIVE_ROLE.search(self.role))
        )


def sector_of(text: str) -> Sector | None:
    key = text.strip().casefold().replace("-", " ")
    if not key:
        return None
    try:
        return Sector(key.replace(" ", "_"))
    except ValueError:
        return _SYNONYMS.get(key)


def situation_from(data: Mapping[str, Any] | None) -> Situation | None:
    """A :class:`Situation` from ``{"role", "sector", "clearance"}``; IntakeError if malformed."""
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise IntakeError("about you: give a JSON object with role, sector and clearance")
    unknown = sorted(set(data) - {"role", "sector", "clearance"})
    if unknown:
        raise IntakeError(f"about you: unknown field(s) {', '.join(unknown)}")
    role, sector, clearance = data.get("role", ""), data.get("sector", ""), data.get("clearance")
    if not isinstance(role, str) or len(role) > 200:
        raise IntakeError("about you: role must be text (at most 200 characters)")
    if not isinstance(sector, str) or len(sector) > 60:
        raise IntakeError("about you: sector must be text (at most 60 characters)")
    if clearance is not None and not isinstance(clearance, bool):
        raise IntakeError("about you: clearance must be true or false")
    return Situation(role.strip(), sector_of(sector), bool(clearance))


def target_finding(subject: str, me: Situation | None, strong_cues: frozenset[str]) -> Finding:
    """Counts only when the member has access *and* the messages carry a strong cue."""
    if me is None:
        return Finding.abstain(NAME, VERSION, subject, "the member's situation was not given")
    if not me.has_access:
        return Finding(
            NAME, VERSION, subject, 0.0, (Evidence("member reports no sensitive access"),)
        )
    if not strong_cues:
        ev = Evidence("member has access, but no strong approach cue in the messages")
        return Finding(NAME, VERSION, subject, 0.0, (ev,))
    why = "clearance visible" if me.clearance else f"sector {me.sector or 'n/a'}, role {me.role!r}"
    ev = Evidence(
        f"approach with {', '.join(sorted(strong_cues))} to a member with access ({why})",
        weight=TARGET_WEIGHT,
        member_text=MEMBER_TEXT,
    )
    return Finding(NAME, VERSION, subject, TARGET_WEIGHT, (ev,))
