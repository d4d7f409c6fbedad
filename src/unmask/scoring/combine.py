"""Combine one subject's findings into an assessment, as the policy says.

The risk comes from the learned combiner when one was trained and the policy asks for it
(``[combine] method = "learned"``), otherwise from the policy's weights (noisy-OR). Routing is
always the policy's: ``route_for`` is the one routing rule, used for accounts and campaigns alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from unmask.model import Assessment, Finding
from unmask.model.routing import Route
from unmask.scoring.learned import LearnedCombiner
from unmask.scoring.policy_model import Policy


def route_for(risk: float, policy: Policy) -> Route:
    """Where an assessment of this risk goes under the policy's thresholds (inclusive)."""
    if risk >= policy.routing.auto_restrict:
        return Route.AUTO_RESTRICT
    if risk >= policy.routing.review:
        return Route.REVIEW
    return Route.NONE


def noisy_or(findings: Sequence[Finding], policy: Policy) -> float:
    """Noisy-OR of weighted scores; abstentions contribute nothing (they are not zeros)."""
    survive = 1.0
    for finding in findings:
        if finding.score is None:
            continue
        survive *= 1.0 - policy.weight(finding.detector) * finding.score
    return round(1.0 - survive, 6)


def uses_learned(policy: Policy, combiner: LearnedCombiner | None) -> bool:
    return combiner is not None and policy.combine.method == "learned"


def combine(
    subject: str,
    findings: Sequence[Finding],
    policy: Policy,
    combiner: LearnedCombiner | None = None,
) -> Assessment:
    if combiner is not None and uses_learned(policy, combiner):
        risk = round(combiner.risk(findings), 6)
        version = f"{policy.version}+{combiner.version}"
    else:
        risk = noisy_or(findings, policy)
        version = policy.version
    kind = findings[0].subject_kind if findings else "account"
    return Assessment(subject, risk, route_for(risk, policy), version, tuple(findings), kind)
