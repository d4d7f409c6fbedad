"""The profile checker: one profile (and the messages it sent) through the same detectors as the
batch scan, plus the checker's own cues, combined by policy and redacted for the member.

``run_check`` is pure. The caller supplies the detectors (the registered ones, trained artefacts
loaded), an optional *context* snapshot of what the platform knows (the stored profile, its
employer's page, the accounts that list that employer, accounts sharing its photo) and, when the
profile is in the store, the findings of the latest scan, which come from the full platform graph
and take precedence over the same detector's answer on the small context.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from unmask.checker.cues import answer_cues, message_cues
from unmask.checker.employer import employer_finding
from unmask.checker.redaction import PublicCheck, redact
from unmask.detectors.base import Detector
from unmask.model import Account, Assessment, Finding, Message, Snapshot
from unmask.scoring import Policy, combine
from unmask.scoring.policy import DetectorPolicy

log = logging.getLogger(__name__)

#: The checker's own findings and how much each counts (the rest follow the scan policy).
CHECKER_WEIGHTS: Mapping[str, float] = {
    "checker_messages": 0.9,
    "checker_answers": 0.8,
    "checker_employer": 0.7,
}
#: Detectors that say nothing about a profile a member is looking at.
NOT_FOR_CHECKER: frozenset[str] = frozenset({"account_takeover"})
MEMBER = "checker-member"
MAX_MESSAGES = 50


@dataclass(frozen=True)
class CheckRequest:
    profile: Account
    messages: tuple[str, ...] = ()
    answers: Mapping[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckResult:
    """The full result: ``assessment`` stays on the server; only ``public`` is shown."""

    assessment: Assessment
    public: PublicCheck


def checker_policy(base: Policy) -> Policy:
    detectors = dict(base.detectors)
    for name, weight in CHECKER_WEIGHTS.items():
        detectors.setdefault(name, DetectorPolicy(weight=weight))
    return base.model_copy(update={"detectors": detectors, "version": f"{base.version}+checker"})


def check_snapshot(request: CheckRequest, context: Snapshot | None) -> Snapshot:
    """The context with the profile (as given) and the pasted messages added."""
    ctx = context or Snapshot(as_of=datetime.now(UTC))
    accounts = dict(ctx.accounts)
    accounts[request.profile.id] = request.profile
    pasted = [
        Message(
            id=f"pasted-{i}",
            sender=request.profile.id,
            recipient=MEMBER,
            sent_at=ctx.as_of,
            body=text[:20_000],
        )
        for i, text in enumerate(request.messages[:MAX_MESSAGES])
        if text.strip()
    ]
    return replace(ctx, accounts=accounts, messages=[*ctx.messages, *pasted])


def _detector_findings(
    detectors: Sequence[Detector], snapshot: Snapshot, subject: str
) -> list[Finding]:
    out: list[Finding] = []
    for detector in detectors:
        if detector.name in NOT_FOR_CHECKER:
            continue
        try:
            out.extend(detector.detect(snapshot, [subject]))
        except Exception as exc:  # one failing detector must not take the checker down
            log.warning("checker: detector %s failed: %s", detector.name, exc)
    return out


def run_check(
    request: CheckRequest,
    detectors: Sequence[Detector],
    policy: Policy,
    context: Snapshot | None = None,
    stored: Sequence[Finding] = (),
) -> CheckResult:
    subject = request.profile.id
    snapshot = check_snapshot(request, context)
    live = _detector_findings(detectors, snapshot, subject)
    findings = {f.detector: f for f in live}
    findings.update({f.detector: f for f in stored if f.subject == subject})
    # Where a registered detector defines the same feature, its finding is used instead of the
    # checker's fallback (one definition per feature): approach_language, employer_claims.
    language = findings.get("approach_language")
    if request.messages and not (language and language.score is not None):
        findings["checker_messages"] = message_cues(subject, request.messages)
    findings["checker_answers"] = answer_cues(subject, request.answers)
    claims = findings.get("employer_claims")
    if not (claims and claims.score is not None):
        findings["checker_employer"] = employer_finding(request.profile, context)
    ordered = [findings[k] for k in sorted(findings)]
    assessment = combine(subject, ordered, checker_policy(policy))
    return CheckResult(assessment, redact(assessment.risk, ordered))
