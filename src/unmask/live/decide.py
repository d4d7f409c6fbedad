"""Pure live decisions: an event's findings, combined by the policy, become an action.

Sign-ups and profile views: ``allow`` / ``challenge`` / ``block``. Invitations and messages:
``deliver`` / ``warn_recipient`` / ``hold``. An invitation's later outcome (accepted, ignored) is
``recorded``: it feeds the acceptance window and the earlier decision's outcome, nothing else.
A request to move off the platform always warns the recipient, with the plain text members are
shown for it (``RECIPIENT_WARNING``), which accuses no one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from unmask.live.events import LiveEvent
from unmask.model import Finding
from unmask.model.enums import InvitationStatus
from unmask.model.records import Invitation
from unmask.scoring import Policy

RECIPIENT_WARNING = (
    "Take care with this conversation. If someone you have not met in person asks you to continue"
    " on another app, by phone or by private e-mail, remember that you lose the protections and"
    " the record this platform keeps. Share work details and documents only with contacts you"
    " have verified, and report anything that seems wrong."
)

ACTIONS: Mapping[str, tuple[str, str, str]] = {
    "signup": ("allow", "challenge", "block"),
    "profile_view": ("allow", "challenge", "block"),
    "invitation": ("deliver", "warn_recipient", "hold"),
    "message": ("deliver", "warn_recipient", "hold"),
}
#: Decisions the nightly scan may overturn.
PERMISSIVE = frozenset({"allow", "deliver", "warn_recipient"})


@dataclass(frozen=True, slots=True)
class Reason:
    signal: str
    score: float
    text: str


@dataclass(frozen=True, slots=True)
class Decision:
    event_key: str
    kind: str
    subject: str
    target: str | None
    decision: str
    risk: float
    reasons: tuple[Reason, ...]
    features: Mapping[str, float]
    policy_version: str
    recipient_warning: str | None = None


def off_platform(findings: Sequence[Finding]) -> bool:
    """Whether a language finding saw a request to move off the platform."""
    for f in findings:
        for e in f.evidence:
            blob = f"{e.text} {e.data}".lower()
            if "off_platform" in blob or "off-platform" in blob:
                return True
    return False


def combine_live(findings: Sequence[Finding], policy: Policy) -> float:
    survive = 1.0
    for f in findings:
        if f.score is not None:
            survive *= 1.0 - policy.live.weight(f.detector) * f.score
    return round(1.0 - survive, 6)


def _level(kind: str, risk: float, policy: Policy) -> int:
    live = policy.live
    if kind in ("invitation", "message"):
        lo, hi = live.outreach.warn, live.outreach.hold
    elif kind == "signup":
        lo, hi = live.signup.challenge, live.signup.block
    else:
        lo, hi = live.views.challenge, live.views.block
    return 2 if risk >= hi else 1 if risk >= lo else 0


def decide(
    event: LiveEvent,
    features: Mapping[str, float],
    findings: Sequence[Finding],
    policy: Policy,
) -> Decision:
    record = event.record
    if isinstance(record, Invitation) and record.status is not InvitationStatus.PENDING:
        return Decision(
            event.key, event.kind, event.actor, event.target, "recorded", 0.0, (),
            dict(features), policy.version,
        )  # fmt: skip
    risk = combine_live(findings, policy)
    level = _level(event.kind, risk, policy)
    warn_off_platform = event.kind in ("invitation", "message") and off_platform(findings)
    if warn_off_platform:
        level = max(level, 1)
    contributions = sorted(
        (
            (policy.live.weight(f.detector) * (f.score or 0.0), f)
            for f in findings
            if f.score is not None and f.score > 0
        ),
        key=lambda pair: -pair[0],
    )
    reasons = tuple(
        Reason(f.detector, round(f.score or 0.0, 4), "; ".join(e.text for e in f.evidence[:3]))
        for _, f in contributions
    )
    action = ACTIONS[event.kind][level]
    warning = RECIPIENT_WARNING if action == "warn_recipient" else None
    return Decision(
        event.key, event.kind, event.actor, event.target, action, risk, reasons,
        dict(features), policy.version, warning,
    )  # fmt: skip
