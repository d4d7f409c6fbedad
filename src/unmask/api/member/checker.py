"""``POST /api/v1/check`` and ``POST /api/v1/exposure``: the public checker and exposure audit.

Public and rate-limited. They answer only from what the caller typed, pasted or uploaded (and
the employers' public pages): never from the stored account, the platform's scan findings or its
review decisions, and no id is echoed. A ``profile_id`` is refused with the same message whatever
the id, so the route does not tell which accounts exist; the platform's view of a stored account
is ``POST /api/v1/platform/check`` (authenticated).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from unmask.api.member.ratelimit import limit
from unmask.api.member.service import CheckerService
from unmask.api.member.uploads import PhotoError, TooLargeError, decode_photo
from unmask.checker import IntakeError, audit
from unmask.checker.paste import MAX_PASTE
from unmask.checker.situation import situation_from

router = APIRouter(prefix="/api/v1", tags=["member"])

NO_IDS = (
    "the public checker answers only from what you type, paste or upload: give the profile's "
    "details, not its id (platform services use POST /api/v1/platform/check)"
)


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: dict[str, Any] | None = Field(
        None, description="interchange account, platform export or typed fields"
    )
    profile_text: str | None = Field(
        None, max_length=MAX_PASTE, description="the profile's text as copied from its page"
    )
    me: dict[str, Any] | None = Field(
        None, description="about you: {role, sector, clearance} (counts with a strong cue)"
    )
    profile_id: str | None = Field(
        None, max_length=200, description="not accepted here: refused with one fixed message"
    )
    messages: Annotated[list[Annotated[str, Field(max_length=20_000)]], Field(max_length=50)] = []
    answers: dict[str, bool] = {}
    photo: str | None = Field(None, description="base64 image (a data: URL is accepted)")


class ExposureIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: dict[str, Any] | None = None
    profile_text: str | None = Field(None, max_length=MAX_PASTE)


def service(request: Request) -> CheckerService:
    svc: CheckerService = request.app.state.member_checker
    return svc


@router.post("/check", summary="Check a profile: low / medium / high, reasons, advice")
def check(body: CheckIn, request: Request) -> dict[str, Any]:
    limit(request, "check")
    if body.profile_id is not None:
        raise HTTPException(422, NO_IDS)
    given: dict[str, Any] | str | None = body.profile or body.profile_text
    if not given or (isinstance(given, str) and not given.strip()):
        raise HTTPException(422, "give the profile: its name, headline, employer or an export")
    svc = service(request)
    try:
        me = situation_from(body.me)
        photo = decode_photo(body.photo) if body.photo else None
        result = svc.public_check(given, body.messages, body.answers, photo, me)
    except TooLargeError as exc:
        raise HTTPException(413, str(exc)) from None
    except (IntakeError, PhotoError) as exc:
        raise HTTPException(422, str(exc)) from None
    return result.public.as_dict()


@router.post("/exposure", summary="Exposure audit of your own profile, with advice")
def exposure(body: ExposureIn, request: Request) -> dict[str, Any]:
    limit(request, "exposure")
    from datetime import UTC, datetime

    from unmask.checker import profile_from_input
    from unmask.checker.intake import profile_from_text

    try:
        if body.profile:
            profile = profile_from_input(body.profile, datetime.now(UTC))
        else:
            profile = profile_from_text(body.profile_text or "", datetime.now(UTC))
    except IntakeError as exc:
        raise HTTPException(422, str(exc)) from None
    return audit(profile, None).as_dict()
