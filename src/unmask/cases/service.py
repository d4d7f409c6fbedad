"""Decisions, second reviews and appeals: the state machine applied to stored cases, with every
step audited and reviewer decisions kept as labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, or_, select, update

from unmask.actions.enforce import Effects, Step, reinstate, remove, restrict
from unmask.audit import append
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
from unmask.cases.repo import Case, campaign_cases, get_case, update_case
from unmask.scoring import Policy
from unmask.store import Store
from unmask.store.review_schema import appeals, decisions
from unmask.store.schema import RECORD_TABLES


@dataclass
class Desk:
    """Everything a decision needs: the store, the policy in force and the injected effects."""

    store: Store
    policy: Policy
    effects: Effects

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


def _case(conn: Connection, case_id: int) -> Case:
    case = get_case(conn, case_id)
    if case is None:
        raise TransitionError(f"no case {case_id}", 404)
    return case


def connection_count(conn: Connection, account_id: str) -> int:
    t = RECORD_TABLES["connection"]
    stmt = select(func.count()).where(or_(t.c.source == account_id, t.c.target == account_id))
    return int(conn.execute(stmt.select_from(t)).scalar_one())


def _campaign_targets(conn: Connection, case: Case) -> list[Case]:
    if not case.campaign:
        return [case]
    others = [c for c in campaign_cases(conn, case.campaign) if c.status in QUEUED]
    return [case, *[c for c in others if c.id != case.id]]


def decide(desk: Desk, case_id: int, user: User, action: str, reason: str, scope: str) -> Outcome:
    with desk.store.engine.begin() as conn:
        case = _case(conn, case_id)
        targets = _campaign_targets(conn, case) if scope == "campaign" else [case]
        state = CaseState(
            case.status, case.outcome, connection_count(conn, case.subject), len(targets)
        )
        plan = plan_decision(state, action, scope, user.role, desk.rules, reason)
        status = "pending" if plan.needs_second else "applied"
        inserted = conn.execute(
            decisions.insert().values(
                case_id=case.id,
                action=action,
                scope=scope,
                reason=reason.strip(),
                actor=user.name,
                status=status,
                policy_version=desk.policy.version,
                created_at=datetime.now(UTC),
            )
        ).inserted_primary_key
        assert inserted is not None
        did = int(inserted[0])
        payload = {
            "decision_id": did,
            "action": action,
            "scope": scope,
            "role": user.role,
            "needs_second": plan.needs_second,
            "why_second": plan.why_second,
            "cases": [c.id for c in targets],
            "evidence": evidence_snapshot(conn, case),
        }
        kind = "decision.proposed" if plan.needs_second else "decision.taken"
        append(
            conn,
            actor=user.name,
            kind=kind,
            reason=reason.strip(),
            policy_version=desk.policy.version,
            case_id=case.id,
            subject=case.subject,
            payload=payload,
        )
        if plan.needs_second:
            update_case(conn, case.id, status="awaiting_second")
            return Outcome(
                "pending", did, (case.id,), f"waiting for a second reviewer: {plan.why_second}"
            )
    done = _apply(desk, did, targets, action, user.name, reason.strip())
    return Outcome("applied", did, done, f"{action} applied to {len(done)} case(s)")


def _pending_appeal(conn: Connection, case_id: int) -> int | None:
    stmt = select(appeals.c.id).where(appeals.c.case_id == case_id, appeals.c.outcome == "pending")
    found = conn.execute(stmt).scalar()
    return int(found) if found is not None else None


def _apply(
    desk: Desk, did: int, targets: list[Case], action: str, actor: str, reason: str
) -> tuple[int, ...]:
    if action == "escalate":
        with desk.store.engine.begin() as conn:
            update_case(conn, targets[0].id, status="escalated")
        return (targets[0].id,)
    members = frozenset(c.subject for c in targets)
    for case in targets:
        step = Step(desk.store, case, did, actor, reason, desk.policy.version)
        if action == "clear":
            reinstate(step, desk.effects)
        elif action == "restrict":
            restrict(step, desk.effects)
        else:
            remove(step, desk.effects, members)
        outcome = {"clear": "cleared", "restrict": "restricted", "remove": "removed"}[action]
        with desk.store.engine.begin() as conn:
            record_label(conn, case.subject, action != "clear", case.campaign, reason)
            update_case(
                conn, case.id, status="closed", outcome=outcome, closed_at=datetime.now(UTC)
            )
            appeal_id = _pending_appeal(conn, case.id)
            if appeal_id is not None:
                result = appeal_outcome(action)
                conn.execute(
                    update(appeals)
                    .where(appeals.c.id == appeal_id)
                    .values(outcome=result, resolved_at=datetime.now(UTC))
                )
                append(
                    conn,
                    actor=actor,
                    kind="appeal.resolved",
                    reason=reason,
                    policy_version=desk.policy.version,
                    case_id=case.id,
                    subject=case.subject,
                    payload={"appeal_id": appeal_id, "outcome": result},
                )
    return tuple(c.id for c in targets)


def _pending(conn: Connection, case_id: int, decision_id: int) -> dict[str, object]:
    row = (
        conn.execute(
            select(decisions).where(decisions.c.id == decision_id, decisions.c.case_id == case_id)
        )
        .mappings()
        .first()
    )
    if row is None:
        raise TransitionError(f"no decision {decision_id} on case {case_id}", 404)
    if row["status"] != "pending":
        raise TransitionError(f"decision {decision_id} is {row['status']}, not pending")
    return dict(row)


def review_second(
    desk: Desk, case_id: int, decision_id: int, user: User, approve: bool, reason: str
) -> Outcome:
    """A second reviewer approves (the decision is applied) or rejects (the case reopens)."""
    with desk.store.engine.begin() as conn:
        d = _pending(conn, case_id, decision_id)
        check_second(str(d["actor"]), user.name, user.role)
        if not approve and len(reason.strip()) < 5:
            raise TransitionError("a rejection needs a reason (at least 5 characters)", 422)
        status = "approved" if approve else "rejected"
        changed = conn.execute(
            update(decisions)
            .where(decisions.c.id == decision_id, decisions.c.status == "pending")
            .values(
                status=status,
                second_actor=user.name,
                second_reason=reason.strip(),
                resolved_at=datetime.now(UTC),
            )
        ).rowcount
        if changed != 1:
            raise TransitionError("someone else reviewed this decision first")
        case = _case(conn, case_id)
        append(
            conn,
            actor=user.name,
            kind=f"decision.{status}",
            reason=reason.strip(),
            policy_version=desk.policy.version,
            case_id=case.id,
            subject=case.subject,
            payload={
                "decision_id": decision_id,
                "action": d["action"],
                "scope": d["scope"],
                "proposed_by": d["actor"],
            },
        )
        if not approve:
            back = "appealed" if _pending_appeal(conn, case.id) is not None else "open"
            update_case(conn, case.id, status=back)
            return Outcome(
                "rejected", decision_id, (case.id,), "rejected; the case is back in the queue"
            )
        targets = _campaign_targets(conn, case) if d["scope"] == "campaign" else [case]
    done = _apply(desk, decision_id, targets, str(d["action"]), user.name, str(d["reason"]))
    return Outcome("applied", decision_id, done, f"{d['action']} applied to {len(done)} case(s)")


def file_appeal(desk: Desk, case_id: int, user: User, text: str) -> int:
    if len(text.strip()) < 5:
        raise TransitionError("an appeal needs a text (at least 5 characters)", 422)
    with desk.store.engine.begin() as conn:
        case = _case(conn, case_id)
        check_appeal(CaseState(case.status, case.outcome, 0))
        inserted = conn.execute(
            appeals.insert().values(
                case_id=case.id,
                text=text.strip(),
                filed_by=user.name,
                filed_at=datetime.now(UTC),
                outcome="pending",
            )
        ).inserted_primary_key
        assert inserted is not None
        update_case(conn, case.id, status="appealed", closed_at=None)
        append(
            conn,
            actor=user.name,
            kind="appeal.filed",
            reason=text.strip(),
            policy_version=desk.policy.version,
            case_id=case.id,
            subject=case.subject,
            payload={"appeal_id": int(inserted[0]), "outcome_appealed": case.outcome},
        )
        return int(inserted[0])
