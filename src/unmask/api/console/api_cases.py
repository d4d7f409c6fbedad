"""The review API: cases, decisions, second reviews, appeals, the audit chain, and users (admin)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from unmask.api.console.deps import DeskDep
from unmask.api.deps import PathId, QueryId, StoreDep, require
from unmask.audit import event_dict, iter_events, verify
from unmask.auth import AuthError, Role, User, create_user
from unmask.cases.machine import TransitionError
from unmask.cases.repo import SORTS, Filters
from unmask.cases.service import decide, file_appeal, review_second
from unmask.cases.sync import sync_cases

router = APIRouter(prefix="/api/v1", tags=["review"])
Reader = Annotated[User, Depends(require("read_cases"))]
Decider = Annotated[User, Depends(require("decide"))]
Senior = Annotated[User, Depends(require("second_review"))]
Appellant = Annotated[User, Depends(require("appeal"))]
Auditor = Annotated[User, Depends(require("audit"))]
Syncer = Annotated[User, Depends(require("sync_cases"))]
Admin = Annotated[User, Depends(require("manage_users"))]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class DecisionIn(_In):
    action: Literal["clear", "restrict", "remove", "escalate"]
    reason: Annotated[str, Field(min_length=5, max_length=5000)]
    scope: Literal["account", "campaign"] = "account"


class SecondIn(_In):
    approve: bool
    reason: Annotated[str, Field(max_length=5000)] = ""


class AppealIn(_In):
    text: Annotated[str, Field(min_length=5, max_length=5000)]


class UserIn(_In):
    name: Annotated[str, Field(min_length=1, max_length=120)]
    role: Role
    password: Annotated[str, Field(min_length=10, max_length=1000)] | None = None


@router.get("/cases", summary="The review queue, filtered and sorted")
def cases_list(
    desk: DeskDep,
    _user: Reader,
    status: Annotated[
        str | None, Query(pattern="^(queue|open|escalated|awaiting_second|appealed|closed)$")
    ] = "queue",
    campaign: Annotated[str | None, Query(max_length=80)] = None,
    min_risk: Annotated[float | None, Query(ge=0, le=1)] = None,
    sort: Annotated[str, Query(pattern="^(" + "|".join(SORTS) + ")$")] = "priority",
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    f = Filters(status, campaign, min_risk, None, sort, limit, offset)
    with desk.store.unit_of_work() as uow:
        items, total = uow.cases.search(f)
    return {"total": total, "items": [asdict(c) for c in items]}


@router.get("/cases/{case_id}", summary="One case with its decisions")
def case_get(case_id: PathId, store: StoreDep, _user: Reader) -> dict[str, Any]:
    with store.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        if case is None:
            raise TransitionError(f"no case {case_id}", 404)
        history = [asdict(d) for d in uow.cases.decisions_of(case_id)]
    return asdict(case) | {"decisions": history}


@router.post("/cases/{case_id}/decisions", status_code=201, summary="Decide a case")
def case_decide(case_id: PathId, body: DecisionIn, desk: DeskDep, user: Decider) -> dict[str, Any]:
    return asdict(decide(desk, case_id, user, body.action, body.reason, body.scope))


@router.post("/cases/{case_id}/decisions/{decision_id}/review", summary="Second review (four eyes)")
def case_second(
    case_id: PathId, decision_id: PathId, body: SecondIn, desk: DeskDep, user: Senior
) -> dict[str, Any]:
    return asdict(review_second(desk, case_id, decision_id, user, body.approve, body.reason))


@router.post("/cases/{case_id}/appeals", status_code=201, summary="Appeal a decision")
def case_appeal(case_id: PathId, body: AppealIn, desk: DeskDep, user: Appellant) -> dict[str, Any]:
    return {"appeal_id": file_appeal(desk, case_id, user, body.text), "case_id": case_id}


@router.post("/cases/sync", summary="Create cases from the latest scan (idempotent)")
def cases_sync(desk: DeskDep, _user: Syncer) -> dict[str, Any]:
    return asdict(sync_cases(desk))


@router.get("/audit/verify", summary="Check the audit chain")
def audit_verify(store: StoreDep, _user: Auditor) -> dict[str, Any]:
    return asdict(verify(store))


@router.get("/audit/events", summary="Audit events, oldest first")
def audit_events(
    store: StoreDep,
    _user: Auditor,
    case_id: QueryId = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    items = []
    for item in iter_events(store, case_id):
        items.append(event_dict(item))
        if len(items) >= limit:
            break
    return {"items": items}


@router.post("/users", status_code=201, summary="Create a user (admin)")
def users_create(body: UserIn, store: StoreDep, _admin: Admin) -> dict[str, Any]:
    try:
        user, password = create_user(store, body.name, body.role, body.password)
    except AuthError as exc:
        raise TransitionError(str(exc), 409 if "exists" in str(exc) else 422) from None
    return {
        "id": user.id,
        "name": user.name,
        "role": user.role,
        "password": None if body.password else password,
    }
