"""``/api/v1/live``: score sign-ups, invitations, messages and profile views as they happen.

Platform services (role ``service``) post one record in the interchange format and get a decision
back; a malformed record is answered 422 with the offending fields, and nothing is written. The
decisions, their outcomes and the nightly scan's overturns are listed for reviewers.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from pydantic import BaseModel

from unmask.api.deps import StoreDep, require_role
from unmask.auth import User
from unmask.live.events import LiveEvent
from unmask.model import Account, Invitation, Message, ProfileView
from unmask.workers import decisions
from unmask.workers.service import LiveService, Outcome, default_windows

router = APIRouter(prefix="/api/v1/live", tags=["live"])
Caller = Annotated[User, Depends(require_role("service"))]
Reader = Annotated[User, Depends(require_role("analyst", "lead", "admin", "auditor", "service"))]
_lock = threading.Lock()


class ReasonOut(BaseModel):
    signal: str
    score: float
    text: str


class DecisionOut(BaseModel):
    event: str
    kind: str
    subject: str
    target: str | None
    decision: str
    risk: float
    reasons: list[ReasonOut]
    recipient_warning: str | None = None
    policy_version: str
    duplicate: bool = False
    features: dict[str, float]


class StoredDecision(BaseModel):
    id: int
    event: str
    kind: str
    subject: str
    target: str | None
    decision: str
    risk: float
    reasons: list[ReasonOut]
    source: str
    policy_version: str
    event_at: datetime
    decided_at: datetime
    outcome: str | None
    overturned_scan: int | None
    overturned_route: str | None
    overturned_risk: float | None


class DecisionPage(BaseModel):
    total: int
    items: list[StoredDecision]


_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "authentication required"},
    403: {"description": "the caller's role is not 'service'"},
    422: {"description": "the record is malformed: 'problems' lists each field and message"},
}


def live_service(request: Request) -> LiveService:
    state = request.app.state
    with _lock:
        if getattr(state, "live_service", None) is None:
            windows = default_windows(state.store.settings.redis_url)
            registry = state.plugins.detectors
            state.live_service = LiveService(state.store, windows, registry=registry)
    service: LiveService = state.live_service
    return service


ServiceDep = Annotated[LiveService, Depends(live_service)]


def _out(result: Outcome) -> DecisionOut:
    d = result.decision
    return DecisionOut(
        event=d.event_key,
        kind=d.kind,
        subject=d.subject,
        target=d.target,
        decision=d.decision,
        risk=d.risk,
        reasons=[ReasonOut(signal=r.signal, score=r.score, text=r.text) for r in d.reasons],
        recipient_warning=d.recipient_warning,
        policy_version=d.policy_version,
        duplicate=result.duplicate,
        features=dict(d.features),
    )


@router.post(
    "/signups",
    summary="Score a sign-up: allow, challenge or block",
    response_model=DecisionOut,
    responses=_ERRORS,
)
def signup(account: Account, service: ServiceDep, _caller: Caller) -> DecisionOut:
    return _out(service.score(LiveEvent("signup", account)))


@router.post(
    "/invitations",
    summary="Score an invitation (deliver, warn_recipient, hold) or record its outcome",
    response_model=DecisionOut,
    responses=_ERRORS,
)
def invitation(invitation: Invitation, service: ServiceDep, _caller: Caller) -> DecisionOut:
    return _out(service.score(LiveEvent("invitation", invitation)))


@router.post(
    "/messages",
    summary="Score a message: deliver, warn_recipient or hold",
    response_model=DecisionOut,
    responses=_ERRORS,
)
def message(message: Message, service: ServiceDep, _caller: Caller) -> DecisionOut:
    return _out(service.score(LiveEvent("message", message)))


@router.post(
    "/profile-views",
    summary="Score a profile view (scraping): allow, challenge or block",
    response_model=DecisionOut,
    responses=_ERRORS,
)
def profile_view(view: ProfileView, service: ServiceDep, _caller: Caller) -> DecisionOut:
    return _out(service.score(LiveEvent("profile_view", view)))


@router.get(
    "/decisions",
    summary="Live decisions, newest first, with outcomes and batch overturns",
    response_model=DecisionPage,
)
def list_decisions(
    store: StoreDep,
    _reader: Reader,
    kind: Annotated[
        str | None, Query(description="signup, invitation, message, profile_view")
    ] = None,
    decision: Annotated[str | None, Query(description="e.g. allow, hold, warn_recipient")] = None,
    subject: Annotated[str | None, Query(description="the acting account or ip:<address>")] = None,
    overturned: Annotated[bool | None, Query(description="only (or no) overturned")] = None,
    before_id: Annotated[int | None, Query(description="the last id of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> DecisionPage:
    rows, total = decisions.listing(store, kind, decision, subject, overturned, before_id, limit)
    items = [StoredDecision(event=r.pop("event_key"), **r) for r in rows]
    return DecisionPage(total=total, items=items)


def register(app: FastAPI) -> None:
    app.state.live_service = None
    app.include_router(router)
