"""``POST /api/v1/platform/check``: the platform's view of a stored account, for authenticated
platform callers (roles ``service``, ``analyst``, ``lead``, ``admin``), e.g. the notification
service deciding whether to warn a member who was approached.

It uses the stored profile, the latest scan's findings and the review decision, which supersedes
the scan: an account cleared by review is never answered high, a removed or restricted one is
high with that reason. The reasons are the same coarse member wording as the public checker's.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from unmask.api.deps import require_role
from unmask.api.member.service import CheckerService
from unmask.auth import User

router = APIRouter(prefix="/api/v1/platform", tags=["platform"])
Platform = Annotated[User, Depends(require_role("service", "analyst", "lead", "admin"))]


class PlatformCheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile_id: Annotated[str, Field(min_length=1, max_length=200)]
    messages: Annotated[list[Annotated[str, Field(max_length=20_000)]], Field(max_length=50)] = []
    answers: dict[str, bool] = {}


@router.post("/check", summary="The platform's verdict on a stored account (authenticated)")
def platform_check(body: PlatformCheckIn, request: Request, _user: Platform) -> dict[str, Any]:
    svc: CheckerService = request.app.state.member_checker
    stored = svc.context.stored_account(body.profile_id) if svc.context else None
    if stored is None:
        raise HTTPException(404, f"no account {body.profile_id!r}")
    result, review = svc.platform_check(stored, body.messages, body.answers)
    assert review is not None  # a stored account always has a review state
    out = result.public.as_dict()
    out.pop("questions")
    return {
        "profile_id": stored.id,
        **out,
        "review": {"status": review.status, "outcome": review.outcome},
    }
