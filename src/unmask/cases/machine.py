"""The decision state machine, pure: who may do what to a case, and when a second reviewer
(four eyes) must confirm before anything happens.

Statuses: ``open`` (in the queue), ``escalated`` (in the queue, for a lead), ``awaiting_second``
(a decision waits for a second reviewer), ``appealed`` (reopened by an appeal), ``closed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from unmask.model.routing import QUEUED_STATUSES, CaseStatus

Action = Literal["clear", "restrict", "remove", "escalate"]
Scope = Literal["account", "campaign"]
ACTIONS: tuple[str, ...] = get_args(Action)
SCOPES: tuple[str, ...] = get_args(Scope)

DECIDERS = frozenset({"analyst", "lead", "admin"})
SENIOR = frozenset({"lead", "admin"})
QUEUED: frozenset[str] = frozenset(QUEUED_STATUSES)
OUTCOME: dict[str, str] = {"clear": "cleared", "restrict": "restricted", "remove": "removed"}


class TransitionError(ValueError):
    """A decision the rules do not allow; ``code`` is the HTTP status that fits."""

    def __init__(self, message: str, code: int = 409) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class CaseState:
    status: str
    outcome: str | None
    connections: int
    campaign_size: int = 1


@dataclass(frozen=True)
class Rules:
    four_eyes_connections: int = 50
    four_eyes_campaign: bool = True


@dataclass(frozen=True)
class Plan:
    needs_second: bool
    why_second: str
    status: CaseStatus  # the case's status once the decision is in
    outcome: str | None


def plan_decision(
    case: CaseState, action: str, scope: str, role: str, rules: Rules, reason: str
) -> Plan:
    """What a decision does to a case, or why it may not be taken."""
    if role not in DECIDERS:
        raise TransitionError(f"role {role!r} may not decide cases", 403)
    if action not in ACTIONS:
        raise TransitionError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}", 422)
    if scope not in SCOPES:
        raise TransitionError(f"unknown scope {scope!r}; one of {', '.join(SCOPES)}", 422)
    if len(reason.strip()) < 5:
        raise TransitionError("a decision needs a reason (at least 5 characters)", 422)
    if case.status not in QUEUED:
        raise TransitionError(f"the case is {case.status.replace('_', ' ')}; nothing to decide")
    if case.status == CaseStatus.ESCALATED and role not in SENIOR:
        raise TransitionError("an escalated case is decided by a lead or an admin", 403)
    if action == "escalate":
        if case.status == CaseStatus.ESCALATED:
            raise TransitionError("the case is already escalated")
        if scope == "campaign":
            raise TransitionError("escalate a case, not a campaign", 422)
        return Plan(False, "", CaseStatus.ESCALATED, case.outcome)
    if scope == "campaign" and case.campaign_size < 2:
        raise TransitionError("the case belongs to no campaign of several accounts", 422)
    why = ""
    if scope == "campaign" and rules.four_eyes_campaign:
        why = f"acting on a campaign of {case.campaign_size} accounts"
    elif action == "remove" and case.connections >= rules.four_eyes_connections:
        why = f"removing an account with {case.connections} connections"
    status = CaseStatus.AWAITING_SECOND if why else CaseStatus.CLOSED
    return Plan(bool(why), why, status, OUTCOME[action])


def check_second(proposer: str, approver: str, role: str) -> None:
    """The second reviewer is a different person with a lead's or an admin's role."""
    if role not in SENIOR:
        raise TransitionError("a second review is done by a lead or an admin", 403)
    if approver == proposer:
        raise TransitionError("the second reviewer must be someone else (four eyes)", 403)


def check_appeal(case: CaseState) -> None:
    if case.status != CaseStatus.CLOSED or case.outcome not in {"restricted", "removed"}:
        raise TransitionError("only a restricted or removed account's closed case can be appealed")


def appeal_outcome(action: str) -> str:
    """Deciding an appealed case: clearing it overturns the earlier decision."""
    return "overturned" if action == "clear" else "upheld"
