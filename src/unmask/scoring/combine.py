"""Combine one subject's findings into an assessment, as the policy says."""

from __future__ import annotations

from collections.abc import Sequence

from unmask.model import Assessment, Finding
from unmask.scoring.policy import Policy


def combine(subject: str, findings: Sequence[Finding], policy: Policy) -> Assessment:
    """Noisy-OR of weighted scores; abstentions contribute nothing (they are not zeros)."""
    survive = 1.0
    for finding in findings:
        if finding.score is None:
            continue
        survive *= 1.0 - policy.weight(finding.detector) * finding.score
    risk = round(1.0 - survive, 6)
    if risk >= policy.routing.auto_restrict:
        route = "auto_restrict"
    elif risk >= policy.routing.review:
        route = "review"
    else:
        route = "none"
    kind = findings[0].subject_kind if findings else "account"
    return Assessment(subject, risk, route, policy.version, tuple(findings), kind)
