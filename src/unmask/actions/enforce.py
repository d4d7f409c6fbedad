"""The enforcement ladder: what each decision does, step by step. Every step goes through the
injected executor, is kept as an action record and is appended to the audit log, all inside the
decision's unit of work (``Step.uow``): the effects, the case state and the audit events commit
together or not at all. Notices to members are queued in the outbox in that same transaction and
delivered by ``deliver`` once it has committed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from unmask.actions.executor import Executor, Severed, Transactional
from unmask.actions.intel import indicators_for
from unmask.actions.notify import Channel, Notice, guidance
from unmask.failpoints import failpoint
from unmask.ingest.validate import content_hash
from unmask.model.review import Case
from unmask.store.context import load_context
from unmask.store.interface import DataStore, UnitOfWork


@dataclass
class Effects:
    executor: Executor
    channel: Channel


@dataclass(frozen=True)
class Step:
    uow: UnitOfWork
    case: Case
    decision_id: int | None
    actor: str
    reason: str
    policy_version: str
    failpoint: str | None = None  # crash tests only (``UNMASK_FAILPOINT``, from the settings)


def _executor(step: Step, fx: Effects) -> Executor:
    ex = fx.executor
    return ex.within(step.uow) if isinstance(ex, Transactional) else ex


def _record(step: Step, kind: str, detail: dict[str, Any], state: str | None = None) -> None:
    e, case = step.uow.enforcement, step.case
    e.record_action(case.id, step.decision_id, kind, case.subject, detail, step.actor)
    if state is not None:
        e.set_state(case.subject, state, case.id)
    step.uow.audit.append(
        actor=step.actor,
        kind=f"action.{kind}",
        reason=step.reason,
        policy_version=step.policy_version,
        case_id=case.id,
        subject=case.subject,
        payload=detail,
    )
    failpoint(f"enforce.{kind}", step.failpoint)


def _last_severed(uow: UnitOfWork, account_id: str) -> Severed | None:
    last = uow.enforcement.last_action(account_id, "sever")
    if last is None or not last.detail:
        return None
    detail = last.detail
    pairs = tuple((str(a), str(b)) for a, b in detail.get("connections", []))
    return Severed(pairs, tuple(detail.get("invitations", [])), tuple(detail.get("since", [])))


def restrict(step: Step, fx: Effects) -> None:
    _executor(step, fx).restrict(step.case.subject)
    _record(step, "restrict", {"executor": fx.executor.name}, state="restricted")


def reinstate(step: Step, fx: Effects) -> None:
    if step.uow.enforcement.state(step.case.subject) == "active":
        return
    ex = _executor(step, fx)
    ex.reinstate(step.case.subject)
    severed = _last_severed(step.uow, step.case.subject)
    if severed is not None and severed.connections:
        ex.restore(step.case.subject, severed)
    restored = len(severed.connections) if severed else 0
    _record(step, "reinstate", {"restored_connections": restored}, state="active")


def remove(step: Step, fx: Effects, campaign_members: frozenset[str]) -> None:
    """Remove, sever from members' networks, notify everyone contacted, publish indicators."""
    run_ladder(step, fx, ("remove", "sever", "notify", "publish"), campaign_members)


def _remove(step: Step, fx: Effects) -> None:
    _executor(step, fx).remove(step.case.subject)
    _record(step, "remove", {"executor": fx.executor.name}, state="removed")


def sever(step: Step, fx: Effects) -> None:
    severed = _executor(step, fx).sever(step.case.subject)
    detail = asdict(severed) | {"count": len(severed.connections)}
    _record(step, "sever", detail)


def run_ladder(
    step: Step, fx: Effects, steps: Sequence[str], campaign_members: frozenset[str]
) -> None:
    """The steps a policy's ``[enforcement]`` ladder names for a decision, in order."""
    for name in steps:
        if name == "restrict":
            restrict(step, fx)
        elif name == "reinstate":
            reinstate(step, fx)
        elif name == "remove":
            _remove(step, fx)
        elif name == "sever":
            sever(step, fx)
        elif name == "notify":
            notify(step, fx, campaign_members)
        elif name == "publish":
            publish(step)
        else:
            raise ValueError(f"unknown enforcement step {name!r}")


def notify(step: Step, fx: Effects, campaign_members: frozenset[str]) -> None:
    """Queue a notice for every member the account contacted (the outbox)."""
    uow, case = step.uow, step.case
    ctx = load_context(uow.records, case.subject)
    done = uow.enforcement.notified(case.subject)
    persona = ctx.account.name if ctx.account else case.subject
    queued: list[str] = []
    for member, how in ctx.contacted.items():
        if member in campaign_members or member in done:
            continue
        who = ctx.snapshot.accounts.get(member)
        title, body = guidance(who.name if who else "member", persona, how)
        uow.enforcement.queue_notice(case.id, member, case.subject, fx.channel.name, title, body)
        queued.append(member)
    _record(step, "notify", {"channel": fx.channel.name, "queued": queued})


def publish(step: Step) -> None:
    now = datetime.now(UTC)
    ctx = load_context(step.uow.records, step.case.subject)
    if ctx.account is None:
        return
    found = indicators_for(ctx.account, ctx.employer(), step.case.campaign, step.case.id, now)
    step.uow.records.add_new([(ind, content_hash(ind)) for ind in found], now)
    _record(
        step, "publish", {"indicators": [{"kind": i.kind.value, "value": i.value} for i in found]}
    )


def deliver(store: DataStore, channel: Channel) -> tuple[int, int]:
    """Send every queued notice through the channel, after the decision committed; each is
    marked ``sent`` or ``failed`` (with the error) on its own. A crash between a send and its
    mark sends that notice again next time: delivery is at least once. Returns (sent, failed)."""
    with store.unit_of_work() as uow:
        queued = uow.enforcement.notices(status="queued")
    sent = failed = 0
    for n in queued:
        status, error = "sent", None
        try:
            channel.send(Notice(n.member, n.about, n.title, n.body, n.case_id))
        except Exception as exc:  # a channel failure is kept on the record, not fatal
            status, error = "failed", f"{exc.__class__.__name__}: {exc}"
        with store.unit_of_work() as uow:
            uow.enforcement.mark_notice(n.id, status, error)
        sent, failed = (sent + 1, failed) if status == "sent" else (sent, failed + 1)
    return sent, failed
