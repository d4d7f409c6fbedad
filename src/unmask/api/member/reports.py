"""``POST /api/v1/member/reports``: the checker page's report button (public, rate-limited).

A report counts only with a verified member identity:

* ``X-Member-Token``: a member token issued by the platform (``unmask.auth.member_tokens``);
  the reporter is the token's member, whatever the body says;
* ``Authorization: Bearer`` with a ``service`` (or ``admin``) token: the platform acting for the
  member named in ``reporter``.

Verified reports go through the case intake (``unmask.cases.intake.file_report``): stored as a
``Report`` record, audited, weighed by the reporter's track record, and they open or
re-prioritise a review case. Without either, the report is accepted as **unverified triage
input** (202, ``"verified": false``): kept in ``member_triage`` for analysts, it never opens or
re-prioritises a case and never borrows or changes any reporter's record; a typed ``reporter`` is
ignored. A member-token report about an id the platform does not know goes to triage too, with
the same answer, so the route does not tell which accounts exist.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from unmask.api.deps import header_user
from unmask.api.member.ratelimit import RateLimiter, limit
from unmask.auth import User
from unmask.auth.member_tokens import member_secret, verify
from unmask.cases.intake import file_report
from unmask.cases.machine import TransitionError
from unmask.model.enums import ReportReason
from unmask.store import Store

router = APIRouter(prefix="/api/v1/member", tags=["member"])

#: The actor recorded in the audit log for member-token reports from the checker.
CHECKER = User(id=0, name="member-checker", role="service")
ACTING = ("service", "admin")
DEFAULT_TEXT = "Reported from the profile checker."
Id = Annotated[str, Field(min_length=1, max_length=200)]


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    reported: Id
    reporter: Id | None = Field(
        None, description="the member, when a service token acts for them; ignored otherwise"
    )
    reason: ReportReason = ReportReason.SUSPICIOUS_APPROACH
    text: Annotated[str, Field(max_length=5_000)] = ""


def _accepted(verified: bool) -> JSONResponse:
    return JSONResponse({"status": "received", "verified": verified}, status_code=202)


def _member(request: Request, store: Store) -> str | None:
    token = request.headers.get("x-member-token")
    if token is None:
        return None
    member = verify(member_secret(store.settings), token.strip())
    if member is None:
        raise HTTPException(401, "the member token is invalid or has expired")
    return member


@router.post(
    "/reports",
    status_code=202,
    summary="Report a profile from the checker (verified with a member or service token)",
)
def report(body: ReportIn, request: Request) -> Any:
    limit(request, "report")
    store: Store = request.app.state.store
    text = body.text or DEFAULT_TEXT
    if request.headers.get("authorization"):
        user = header_user(request, store)
        if user is None:
            raise HTTPException(401, "authentication failed")
        if user.role not in ACTING:
            raise HTTPException(403, f"role {user.role!r} may not report for a member")
        if body.reporter is None:
            raise HTTPException(422, "reporter: name the member this report is for")
        try:
            filed = file_report(
                request.app.state.desk,
                user,
                reporter=body.reporter,
                reported=body.reported,
                reason=body.reason.value,
                text=text,
            )
        except TransitionError as exc:
            raise HTTPException(exc.code, str(exc)) from None
        content = {"id": filed.report_id, "status": "received", "verified": True}
        return JSONResponse(content, status_code=201)
    member = _member(request, store)
    if member is None:
        store.triage.add(body.reported, body.reason.value, text)
        return _accepted(False)
    limiter: RateLimiter = request.app.state.member_limiter
    if limiter.allow(f"member:{member}", "report") > 0:
        raise HTTPException(429, "too many reports from this member: try again later")
    try:
        file_report(
            request.app.state.desk,
            CHECKER,
            reporter=member,
            reported=body.reported,
            reason=body.reason.value,
            text=text,
        )
    except TransitionError:  # an id the platform does not know (yet): triage, same answer
        store.triage.add(body.reported, body.reason.value, text, verified_reporter=member)
    return _accepted(True)
