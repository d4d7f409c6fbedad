"""The console's forms: decide, second review, appeal. CSRF is checked by the middleware; a
refused decision comes back to the case page with the reason shown."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from unmask.api.console.deps import ConsoleUser, DeskDep
from unmask.api.deps import PathId
from unmask.auth import User
from unmask.auth.permissions import allowed, refusal
from unmask.cases.machine import TransitionError
from unmask.cases.service import Desk, decide, file_appeal, review_second

router = APIRouter(prefix="/console/cases/{case_id}", include_in_schema=False)
Text = Annotated[str, Form(max_length=5000)]


def _back(case_id: int, msg: str = "", error: str = "") -> RedirectResponse:
    query = f"?msg={quote(msg)}" if msg else f"?error={quote(error)}" if error else ""
    return RedirectResponse(f"/console/cases/{case_id}{query}", status_code=303)


@router.post("/decide")
def decide_form(
    case_id: PathId,
    desk: DeskDep,
    user: ConsoleUser,
    action: Text = "",
    reason: Text = "",
    scope: Text = "account",
) -> RedirectResponse:
    if not allowed(user.role, "decide"):
        return _back(case_id, error=refusal(user.role, "decide"))
    try:
        out = decide(desk, case_id, user, action, reason, scope)
    except TransitionError as exc:
        return _back(case_id, error=str(exc))
    return _back(case_id, msg=out.message)


def second_review_form(
    desk: Desk, case_id: int, decision_id: int, user: User, verdict: str, reason: str
) -> tuple[str, str]:
    """A second review posted from a console form (a case page or a campaign page): the
    message or the error to show, with the same role check as the API."""
    if not allowed(user.role, "second_review"):
        return "", refusal(user.role, "second_review")
    if verdict not in ("approve", "reject"):
        return "", "choose approve or reject"
    try:
        out = review_second(desk, case_id, decision_id, user, verdict == "approve", reason)
    except TransitionError as exc:
        return "", str(exc)
    return out.message, ""


@router.post("/decisions/{decision_id}/review")
def second_form(
    case_id: PathId,
    decision_id: PathId,
    desk: DeskDep,
    user: ConsoleUser,
    verdict: Text = "",
    reason: Text = "",
) -> RedirectResponse:
    msg, error = second_review_form(desk, case_id, decision_id, user, verdict, reason)
    return _back(case_id, msg=msg, error=error)


@router.post("/appeal")
def appeal_form(
    case_id: PathId, desk: DeskDep, user: ConsoleUser, text: Text = ""
) -> RedirectResponse:
    if not allowed(user.role, "appeal"):
        return _back(case_id, error=refusal(user.role, "appeal"))
    try:
        file_appeal(desk, case_id, user, text)
    except TransitionError as exc:
        return _back(case_id, error=str(exc))
    return _back(case_id, msg="appeal recorded: the case is back in the queue")
