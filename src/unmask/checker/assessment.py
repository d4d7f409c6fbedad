"""The profile checker: one profile (and the messages it sent) through the same detectors as the
batch scan, plus the checker's own cues, combined by policy and redacted for the member.

``run_check`` is pure. The caller supplies the detectors (the registered ones, trained artefacts
loaded), an optional *context* snapshot of what the platform knows (the stored profile, its
employer's page, the accounts that list that employer, accounts sharing its photo) and, when the
profile is in the store, the findings of the latest scan, which come from the full platform graph
and take precedence over the same detector's answer on the small context.

The member's answer means something:

- **Only what can be explained counts.** A finding raises the member's level only if it carries
  evidence with member wording (``member_text``) and weight; the level is combined from those
  findings alone, and every one of them gives its reason. So a medium or high answer always comes
  with at least one plain reason, and a detector that cannot explain itself cannot raise it.
- **Nothing scores from absent data.** A typed or pasted profile says nothing about verification,
  connections or activity, so the detectors that judge those (``NEEDS_PLATFORM_DATA``) do not run
  on it; they count for a stored profile through the latest scan's findings.
- **The member's situation** (``CheckRequest.me``) counts only together with a strong cue.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from unmask.checker.cues import answer_cues, message_cues
from unmask.checker.employer import employer_finding
from unmask.checker.redaction import PublicCheck, explains, redact
from unmask.checker.situation import Situation, target_finding
from unmask.detectors.base import Detector
from unmask.model import Account, Assessment, Finding, Message, Snapshot
from unmask.scoring import Policy, combine
from unmask.scoring.policy import DetectorPolicy

log = logging.getLogger(__name__)

#: How much each finding counts for the member's level (the rest follow the scan policy). The
#: approach cues count fully: the catalogue's score is the member-facing calibration.
CHECKER_WEIGHTS: Mapping[str, float] = {
    "approach_language": 1.0,
    "checker_messages": 1.0,
    "checker_answers": 1.0,  # the member's own observations
    "checker_employer": 0.7,
    "checker_target": 1.0,
}
#: Detectors that say nothing about a profile a member is looking at.
NOT_FOR_CHECKER: frozenset[str] = frozenset({"account_takeover"})
#: Detectors that judge what a typed or pasted profile cannot show (verification, connections,
#: activity, the trained profile model's absent fields): not run on a profile that is not stored.
NEEDS_PLATFORM_DATA: frozenset[str] = frozenset(
    {"sparse_profile", "profile_model", "outreach", "registration_cluster", "trust_propagation",
     "reconnaissance"}
)  # fmt: skip
MEMBER = "checker-member"
MAX_MESSAGES = 50


@dataclass(frozen=True)
class CheckRequest:
    profile: Account
    messages: tuple[str, ...] = ()
    answers: Mapping[str, bool] = field(default_factory=dict)
    me: Situation | None = None
    #: The profile is the platform's stored copy (not typed or pasted by the member).
    stored_profile: bool = False


@dataclass(frozen=True)
class CheckResult:
    """The full result: ``assessment`` stays on the server; only ``public`` is shown."""

    assessment: Assessment
    public: PublicCheck


def checker_policy(base: Policy) -> Policy:
    detectors = dict(base.detectors)
    for name, weight in CHECKER_WEIGHTS.items():
        detectors[name] = DetectorPolicy(weight=weight)
    return base.model_copy(update={"detectors": detectors, "version": f"{base.version}+checker"})


def check_snapshot(request: CheckRequest, context: Snapshot | None) -> Snapshot:
    """The context with the profile (as given) and the pasted messages added."""
    ctx = context or Snapshot(as_of=datetime.now(UTC))
    accounts = dict(ctx.accounts)
    accounts[request.profile.id] = request.profile
    texts = [t for t in request.messages[:MAX_MESSAGES] if t.strip()]
    pasted = [  # oldest first, in the order pasted (escalation reads the sequence)
        Message(
            id=f"pasted-{i:02d}",
            sender=request.profile.id,
            recipient=MEMBER,
            sent_at=ctx.as_of - timedelta(seconds=len(texts) - i),
            body=text[:20_000],
        )
        for i, text in enumerate(texts)
    ]
    return replace(ctx, accounts=accounts, messages=[*ctx.messages, *pasted])


def _detector_findings(
    detectors: Sequence[Detector], snapshot: Snapshot, subject: str, stored: bool
) -> list[Finding]:
    out: list[Finding] = []
    for detector in detectors:
        if detector.name in NOT_FOR_CHECKER or (
            not stored and detector.name in NEEDS_PLATFORM_DATA
        ):
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
    live = _detector_findings(detectors, snapshot, subject, request.stored_profile)
    findings = {f.detector: f for f in live}
    findings.update({f.detector: f for f in stored if f.subject == subject})
    # One definition per feature: approach_language reads the pasted messages through the cue
    # catalogue; checker_messages is the same reading when that detector is not registered.
    language = findings.get("approach_language")
    if request.messages and not (language and language.score is not None):
        language = findings["checker_messages"] = message_cues(subject, request.messages)
    strong = (
        frozenset(language.evidence[0].data.get("strong", ()))
        if language and language.evidence
        else frozenset()
    )
    findings["checker_target"] = target_finding(subject, request.me, strong)
    findings["checker_answers"] = answer_cues(subject, request.answers)
    claims = findings.get("employer_claims")
    if not (claims and claims.score is not None):
        findings["checker_employer"] = employer_finding(request.profile, context)
    ordered = [findings[k] for k in sorted(findings)]
    counted = [f for f in ordered if explains(f)]
    assessment = combine(subject, counted, checker_policy(policy))
    return CheckResult(assessment, redact(assessment.risk, counted))
