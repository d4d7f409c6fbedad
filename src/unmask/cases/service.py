"""Decisions, second reviews and appeals: the state machine applied to stored cases, with every
step audited and reviewer decisions kept as labels.

A decision is one unit of work: the decision record, its audit events, every enforcement step
(remove, sever, queue notices, publish indicators), the labels and the closed cases commit
together or not at all. Queued notices are delivered after the commit (``deliver``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from unmask.actions.enforce import Effects, Step, deliver, run_ladder
from unmask.auth import User
from unmask.cases.evidence import evidence_snapshot
from unmask.cases.labels import record_label
from unmask.cases.machine import (
    QUEUED,
    CaseState,
    Rules,
    TransitionError,
    appeal_outcome,
    check_appeal,
    check_second,
    plan_decision,
)
from unmask.cases.provenance import victims_of
from unmask.failpoints import failpoint
from unmask.model.review import Case
from unmask.scoring import Policy
from unmask.store.interface import DataStore, UnitOfWork


@dataclass
class Desk:
    """Everything a decision needs: the store, the policy in force and the injected effects."""

    store: DataStore
    policy: Policy
    effects: Effects

    @property
    def crash(self) -> str | None:
        """Crash tests only: the failpoint spec of the store's settings (``UNMASK_FAILPOINT``)."""
        settings = getattr(self.store, "settings", None)
        return getattr(settings, "failpoint", None)

    @property
    def rules(self) -> Rules:
        r = self.policy.review
        return Rules(r.four_eyes_connections, r.four_eyes_campaign)


@dataclass(frozen=True)
class Outcome:
    status: str  # applied | pending | rejected
    decision_id: int
    cases: tuple[int, ...]
    message: str


def _case(uow: UnitOfWork, case_id: int) -> Case:
    case = uow.cases.get(case_id)
    if case is None:
        raise TransitionError(f"no case {case_id}", 404)
    return case


def _campaign_targets(uow: UnitOfWork, case: Case, lead_days: int) -> list[Case]:
    """The case and the campaign's other queued cases, possible photo-theft victims left out."""
    if not case.campaign:
        return [case]
    victims = victims_of(uow, case.campaign, lead_days)
    others = [c for c in uow.cases.of_campaign(case.campaign) if c.status in QUEUED]
    return [case, *[c for c in others if c.id != case.id and c.subject not in victims]]


def decide(desk: Desk, case_id: int, user: User, action: str, reason: str, scope: str) -> Outcome:
    with desk.store.unit_of_work() as uow:
        case = _case(uow, case_id)
        targets = (
            _campaign_targets(uow, case, desk.policy.review.photo_owner_lead_days)
            if scope == "campaign"
            else [case]
        )
        links = uow.records.connection_count(case.subject)
        state = CaseState(case.status, case.outcome, links, len(targets))
        plan = plan_decision(state, action, scope, user.role, desk.rules, reason)
        status = "pending" if plan.needs_second else "applied"
        version = desk.policy.version
        did = uow.cases.add_decision(
            case.id, action, scope, reason.strip(), user.name, status, version
        )
        payload = {
            "decision_id": did,
            "action": action,
            "scope": scope,
            "role": user.role,
            "needs_second": plan.needs_second,
            "why_second": plan.why_second,
            "cases": [c.id for c in targets],
            "evidence": evidence_snapshot(uow, case),
        }
        uow.audit.append(
            actor=user.name,
            kind="decision.proposed" if plan.needs_second else "decision.taken",
            reason=reason.strip(),
            policy_version=version,
            case_id=case.id,
            subject=case.subject,
            payload=payload,
        )
        if plan.needs_second:
            uow.cases.update(case.id, status="awaiting_second")
            return Outcome(
                "pending", did, (case.id,), f"waiting for a second reviewer: {plan.why_second}"
            )
        done = _apply(desk, uow, did, targets, action, user.name, reason.strip())
    _delivered(desk)
    return Outcome("applied", did, done, f"{action} applied to {len(done)} case(s)")


def _delivered(desk: Desk) -> None:
    failpoint("decision.committed", desk.crash)
    deliver(desk.store, desk.effects.channel)


def _apply(
    desk: Desk, uow: UnitOfWork, did: int, targets: list[Case], action: str, actor: str, reason: str
) -> tuple[int, ...]:
    """Every effect of an applied decision, inside the caller's unit of work."""
    if action == "escalate":
        uow.cases.update(targets[0].id, status="escalated")
        return (targets[0].id,)
    members = frozenset(c.subject for c in targets)
    version = desk.policy.version
    crash = desk.crash
    for case in targets:
        step = Step(uow, case, did, actor, reason, version, crash)
        run_ladder(step, desk.effects, desk.policy.enforcement.steps(action), members)
        outcome = {"clear": "cleared", "restrict": "restricted", "remove": "removed"}[action]
        record_label(uow.records, case.subject, action != "clear", case.campaign, reason)
        failpoint("enforce.label", crash)
        uow.cases.update(case.id, status="closed", outcome=outcome, closed_at=datetime.now(UTC))
        appeal = uow.cases.pending_appeal(case.id)
        if appeal is not None:
            result = appeal_outcome(action)
            uow.cases.resolve_appeal(appeal.id, result)
            uow.audit.append(
                actor=actor,
                kind="appeal.resolved",
                reason=reason,
                policy_version=version,
                case_id=case.id,
                subject=case.subject,
                payload={"appeal_id": appeal.id, "outcome": result},
            )
        failpoint("enforce.closed", crash)
    return tuple(c.id for c in targets)


def review_second(
    desk: Desk, case_id: int, decision_id: int, user: User, approve: bool, reason: str
) -> Outcome:
    """A second reviewer approves (the decision is applied) or rejects (the case reopens)."""
    with desk.store.unit_of_work() as uow:
        d = uow.cases.decision(decision_id)
        if d is None or d.case_id != case_id:
            raise TransitionError(f"no decision {decision_id} on case {case_id}", 404)
        if d.status != "pending":
            raise TransitionError(f"decision {decision_id} is {d.status}, not pending")
        check_second(d.actor, user.name, user.role)
        if not approve and len(reason.strip()) < 5:
            raise TransitionError("a rejection needs a reason (at least 5 characters)", 422)
        status = "approved" if approve else "rejected"
        if not uow.cases.resolve_decision(decision_id, status, user.name, reason.strip()):
            raise TransitionError("someone else reviewed this decision first")
        case = _case(uow, case_id)
        uow.audit.append(
            actor=user.name,
            kind=f"decision.{status}",
            reason=reason.strip(),
            policy_version=desk.policy.version,
            case_id=case.id,
            subject=case.subject,
            payload={
                "decision_id": decision_id,
                "action": d.action,
                "scope": d.scope,
                "proposed_by": d.actor,
            },
        )
        if not approve:
            back = "appealed" if uow.cases.pending_appeal(case.id) is not None else "open"
            uow.cases.update(case.id, status=back)
            return Outcome(
                "rejected", decision_id, (case.id,), "rejected; the case is back in the queue"
            )
        targets = (
            _campaign_targets(uow, case, desk.policy.review.photo_owner_lead_days)
            if d.scope == "campaign"
            else [case]
        )
        done = _apply(desk, uow, decision_id, targets, d.action, user.name, d.reason)
    _delivered(desk)
    return Outcome("applied", decision_id, done, f"{d.action} applied to {len(done)} case(s)")


def file_appeal(desk: Desk, case_id: int, user: User, text: str) -> int:
    if len(text.strip()) < 5:
        raise TransitionError("an appeal needs a text (at least 5 characters)", 422)
    with desk.store.unit_of_work() as uow:
        case = _case(uow, case_id)
        check_appeal(CaseState(case.status, case.outcome, 0))
        appeal_id = uow.cases.add_appeal(case.id, text.strip(), user.name)
        uow.cases.update(case.id, status="appealed", closed_at=None)
        uow.audit.append(
            actor=user.name,
            kind="appeal.filed",
            reason=text.strip(),
            policy_version=desk.policy.version,
            case_id=case.id,
            subject=case.subject,
            payload={"appeal_id": appeal_id, "outcome_appealed": case.outcome},
        )
        return appeal_id
