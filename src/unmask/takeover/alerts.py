"""Member alerts: what the owner of an account is told when its logins look like a takeover."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from unmask.model import Finding

ALERT_FLOOR = 0.5


@dataclass(frozen=True, slots=True)
class MemberAlert:
    account_id: str
    kind: str
    message: str
    advice: str
    created_at: datetime


ADVICE = (
    "Change your password now (use one you use nowhere else), turn on two-step verification "
    "and review your active sessions and recent messages."
)


def alerts_from_findings(findings: Iterable[Finding], at: datetime) -> list[MemberAlert]:
    out: list[MemberAlert] = []
    for f in findings:
        if f.detector != "account_takeover" or f.score is None or f.score < ALERT_FLOOR:
            continue
        lines = [e.member_text for e in f.evidence if e.member_text]
        if not lines:
            continue
        kinds = sorted({str(e.data.get("signal", "")) for e in f.evidence if e.member_text})
        out.append(
            MemberAlert(
                f.subject,
                "+".join(kinds),
                " ".join(line[0].upper() + line[1:] + "." for line in lines),
                ADVICE,
                at,
            )
        )
    return out
