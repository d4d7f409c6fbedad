"""``POST /api/v1/check``: the public profile checker (coarse answer, rate-limited)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from unmask.api.member.ratelimit import limit
from unmask.api.member.service import CheckerService, PhotoError, decode_photo
from unmask.checker import IntakeError, audit

router = APIRouter(prefix="/api/v1", tags=["member"])


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: dict[str, Any] | None = Field(
        None, description="interchange account, platform export or typed fields"
    )
    profile_id: str | None = Field(None, max_length=200, description="a profile on the platform")
    messages: Annotated[list[Annotated[str, Field(max_length=20_000)]], Field(max_length=50)] = []
    answers: dict[str, bool] = {}
    photo: str | None = Field(None, description="base64 image (a data: URL is accepted)")


class ExposureIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: dict[str, Any]


def service(request: Request) -> CheckerService:
    svc: CheckerService = request.app.state.member_checker
    return svc


@router.post("/check", summary="Check a profile: low / medium / high, reasons, advice")
def check(body: CheckIn, request: Request) -> dict[str, Any]:
    limit(request, "check")
    svc = service(request)
    try:
        profile = svc.profile(body.profile, body.profile_id)
        photo = decode_photo(body.photo) if body.photo else None
        result, known = svc.check(profile, body.messages, body.answers, photo)
    except (IntakeError, PhotoError) as exc:
        raise HTTPException(422, str(exc)) from None
    out = result.public.as_dict()
    out["profile_id"] = profile.id if known else None
    return out


@router.post("/exposure", summary="Exposure audit of your own profile, with advice")
def exposure(body: ExposureIn, request: Request) -> dict[str, Any]:
    limit(request, "exposure")
    svc = service(request)
    try:
        profile = svc.profile(body.profile, None)
    except IntakeError as exc:
        raise HTTPException(422, str(exc)) from None
    context = svc.context.snapshot(profile) if svc.context else None
    return audit(profile, context).as_dict()
