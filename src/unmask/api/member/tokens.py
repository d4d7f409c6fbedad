"""Member tokens for the platform (role ``service``) and the triage queue of unverified reports
for analysts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from unmask.api.deps import require_role
from unmask.auth import User
from unmask.auth.member_tokens import DEFAULT_TTL, MAX_TTL, issue, member_secret
from unmask.store import Store

router = APIRouter(prefix="/api/v1/member", tags=["member"])
Service = Annotated[User, Depends(require_role("service", "admin"))]
Analyst = Annotated[User, Depends(require_role("analyst", "lead", "admin", "auditor"))]


class TokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    member: Annotated[str, Field(min_length=1, max_length=200)]
    ttl: Annotated[int, Field(gt=0, le=MAX_TTL)] = DEFAULT_TTL


@router.post("/tokens", summary="Issue a member token for a signed-in member (service role)")
def member_token(body: TokenIn, request: Request, _user: Service) -> dict[str, Any]:
    store: Store = request.app.state.store
    try:
        token = issue(member_secret(store.settings), body.member, body.ttl)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return {"token": token, "member": body.member, "expires_in": body.ttl}


@router.get("/triage", summary="Unverified member reports (triage input, not cases)")
def triage(
    request: Request,
    _user: Analyst,
    reported: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(gt=0, le=1000)] = 100,
) -> dict[str, Any]:
    store: Store = request.app.state.store
    items = store.triage.items(reported, limit)
    return {
        "count": store.triage.count(reported),
        "items": [
            {
                "reported": i.reported,
                "reason": i.reason,
                "text": i.text,
                "verified_reporter": i.verified_reporter,
                "received_at": i.received_at.isoformat(),
            }
            for i in items
        ],
    }
