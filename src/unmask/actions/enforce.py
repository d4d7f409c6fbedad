"""The enforcement ladder: what each decision does, step by step. Every step goes through the
injected executor or channel, is kept as an action record and is appended to the audit log."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from unmask.actions.executor import Executor, Severed
from unmask.actions.intel import indicators_for
from unmask.actions.notify import Channel, Notice, guidance
from unmask.audit import append
from unmask.cases.context import load_context
from unmask.cases.repo import Case
from unmask.ingest.validate import content_hash
from unmask.store import Store, record_row
from unmask.store.review_schema import actions, enforcement, notifications
from unmask.store.schema import RECORD_TABLES


@dataclass
class Effects:
    executor: Executor
    channel: Channel


@dataclass(frozen=True)
class Step:
    store: Store
    case: Case
    decision_id: int | None
    actor: str
    reason: str
    policy_version: str


def _record(step: Step, kind: str, detail: dict[str, Any], state: str | None = None) -> None:
    now = datetime.now(UTC)
    with step.store.engine.begin() as conn:
        conn.execute(
            actions.insert().values(
                case_id=step.case.id,
                decision_id=step.decision_id,
                kind=kind,
                subject=step.case.subject,
                status="done",
                detail=detail,
                actor=step.actor,
                at=now,
            )
        )
        if state is not None:
            values = {"state": state, "case_id": step.case.id, "updated_at": now}
            known = conn.execute(
                select(enforcement.c.account_id).where(
                    enforcement.c.account_id == step.case.subject
                )
            ).first()
            if known:
                conn.execute(
                    enforcement.update()
                    .where(enforcement.c.account_id == step.case.subject)
                    .values(**values)
                )
            else:
                conn.execute(enforcement.insert().values(account_id=step.case.subject, **values))
        append(
            conn,
            actor=step.actor,
            kind=f"action.{kind}",
            reason=step.reason,
            policy_version=step.policy_version,
            case_id=step.case.id,
            subject=step.case.subject,
            payload=detail,
        )


def account_state(store: Store, account_id: str) -> str:
    with store.connect() as conn:
        state = conn.execute(
            select(enforcement.c.state).where(enforcement.c.account_id == account_id)
        ).scalar()
    return str(state) if state else "active"


def _last_severed(store: Store, account_id: str) -> Severed | None:
    with store.connect() as conn:
        detail = conn.execute(
            select(actions.c.detail)
            .where(actions.c.subject == account_id, actions.c.kind == "sever")
            .order_by(actions.c.id.desc())
            .limit(1)
        ).scalar()
    if not detail:
        return None
    pairs = tuple((str(a), str(b)) for a, b in detail.get("connections", []))
    return Severed(pairs, tuple(detail.get("invitations", [])), tuple(detail.get("since", [])))


def restrict(step: Step, fx: Effects) -> None:
    fx.executor.restrict(step.case.subject)
    _record(step, "restrict", {"executor": fx.executor.name}, state="restricted")


def reinstate(step: Step, fx: Effects) -> None:
    if account_state(step.store, step.case.subject) == "active":
        return
    fx.executor.reinstate(step.case.subject)
    severed = _last_severed(step.store, step.case.subject)
    if severed is not None and severed.connections:
        fx.executor.restore(step.case.subject, severed)
    restored = len(severed.connections) if severed else 0
    _record(step, "reinstate", {"restored_connections": restored}, state="active")


def remove(step: Step, fx: Effects, campaign_members: frozenset[str]) -> None:
    """Remove, sever from members' networks, notify everyone contacted, publish indicators."""
    fx.executor.remove(step.case.subject)
    _record(step, "remove", {"executor": fx.executor.name}, state="removed")
    severed = fx.executor.sever(step.case.subject)
    detail = asdict(severed) | {"count": len(severed.connections)}
    _record(step, "sever", detail)
    notify(step, fx, campaign_members)
    publish(step)


def notify(step: Step, fx: Effects, campaign_members: frozenset[str]) -> None:
    with step.store.connect() as conn:
        ctx = load_context(conn, step.case.subject)
        done = set(
            conn.execute(
                select(notifications.c.member).where(notifications.c.about == step.case.subject)
            ).scalars()
        )
    persona = ctx.account.name if ctx.account else step.case.subject
    sent: list[str] = []
    failed: list[str] = []
    for member, how in ctx.contacted.items():
        if member in campaign_members or member in done:
            continue
        who = ctx.snapshot.accounts.get(member)
        title, body = guidance(who.name if who else "member", persona, how)
        notice = Notice(member, step.case.subject, title, body, step.case.id)
        status, error = "sent", None
        try:
            fx.channel.send(notice)
        except Exception as exc:  # a channel failure is kept on the record, not fatal
            status, error = "failed", f"{exc.__class__.__name__}: {exc}"
        now = datetime.now(UTC)
        with step.store.engine.begin() as conn:
            conn.execute(
                notifications.insert().values(
                    case_id=step.case.id,
                    member=member,
                    about=step.case.subject,
                    channel=fx.channel.name,
                    title=title,
                    body=body,
                    status=status,
                    error=error,
                    created_at=now,
                    sent_at=now if status == "sent" else None,
                )
            )
        (sent if status == "sent" else failed).append(member)
    _record(step, "notify", {"channel": fx.channel.name, "sent": sent, "failed": failed})


def publish(step: Step) -> None:
    table = RECORD_TABLES["indicator"]
    now = datetime.now(UTC)
    with step.store.connect() as conn:
        ctx = load_context(conn, step.case.subject)
    if ctx.account is None:
        return
    found = indicators_for(ctx.account, ctx.employer(), step.case.campaign, step.case.id, now)
    with step.store.engine.begin() as conn:
        for ind in found:
            if conn.execute(select(table.c.key).where(table.c.key == ind.key())).first() is None:
                conn.execute(table.insert().values(record_row(ind, content_hash(ind), now)))
    _record(
        step, "publish", {"indicators": [{"kind": i.kind.value, "value": i.value} for i in found]}
    )
