"""The campaign pages: the list of campaigns of the latest scan and one campaign's page, its
STIX/MISP export (the intelligence export) and whole-campaign actions through the four-eyes
decision flow (scope ``campaign``; possible photo-theft victims are left out)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from unmask.api.console.deps import ConsoleUser, DeskDep
from unmask.api.console.render import page
from unmask.api.console.routes_forms import second_review_form
from unmask.api.console.views_campaign import campaign_rows, campaign_view
from unmask.api.deps import PathId
from unmask.auth.permissions import allowed, refusal
from unmask.cases.machine import TransitionError
from unmask.cases.service import decide

router = APIRouter(prefix="/console/campaigns", include_in_schema=False)
Key = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$")]
Text = Annotated[str, Form(max_length=5000)]


def _check(role: str) -> None:
    if not allowed(role, "read_campaigns"):
        raise HTTPException(403, refusal(role, "read_campaigns"))


def _back(key: str, msg: str = "", error: str = "") -> RedirectResponse:
    query = f"?msg={quote(msg)}" if msg else f"?error={quote(error)}" if error else ""
    return RedirectResponse(f"/console/campaigns/{key}{query}", status_code=303)


@router.get("")
def campaigns_page(request: Request, desk: DeskDep, user: ConsoleUser) -> HTMLResponse:
    _check(user.role)
    return page(
        request,
        "campaigns.html",
        rows=campaign_rows(desk.store, desk.policy.review.photo_owner_lead_days),
    )


@router.get("/{key}")
def campaign_page(
    request: Request, key: Key, desk: DeskDep, user: ConsoleUser, msg: str = "", error: str = ""
) -> HTMLResponse:
    _check(user.role)
    view = campaign_view(desk.store, key, desk.policy.review.photo_owner_lead_days)
    if view is None:
        message = f"No campaign {key} in the latest scan."
        return page(request, "error.html", status_code=404, message=message)
    return page(request, "campaign.html", key=key, msg=msg, error=error, **view)


@router.get("/{key}/export.{fmt}")
def export(request: Request, key: Key, fmt: str, desk: DeskDep, user: ConsoleUser) -> Response:
    from unmask.intel.service import export_campaign

    _check(user.role)
    if fmt not in ("stix", "misp"):
        raise HTTPException(404, "export as stix or misp")
    try:
        body = export_campaign(request.app.state.store, key, fmt)
    except LookupError as exc:
        message = f"{exc}. Only members confirmed by a reviewer are exported."
        return page(request, "error.html", status_code=404, message=message)
    name = f"{key}.{'stix.json' if fmt == 'stix' else 'misp.json'}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type="application/json", headers=headers)


@router.post("/{key}/decide")
def campaign_decide(
    key: Key, desk: DeskDep, user: ConsoleUser, action: Text = "", reason: Text = ""
) -> RedirectResponse:
    """Propose (or, without four eyes, apply) one decision for the whole campaign. It is
    recorded on the campaign's riskiest open case that is not a possible victim."""
    if not allowed(user.role, "decide"):
        return _back(key, error=refusal(user.role, "decide"))
    view = campaign_view(desk.store, key, desk.policy.review.photo_owner_lead_days)
    if view is None:
        return _back(key, error=f"no campaign {key} in the latest scan")
    anchors = sorted(view["actionable"], key=lambda c: (-c.risk, c.id))
    if not anchors:
        return _back(key, error="no open case in this campaign to act on")
    try:
        out = decide(desk, anchors[0].id, user, action, reason, "campaign")
    except TransitionError as exc:
        return _back(key, error=str(exc))
    return _back(key, msg=out.message)


@router.post("/{key}/cases/{case_id}/decisions/{decision_id}/review")
def campaign_review(
    key: Key,
    case_id: PathId,
    decision_id: PathId,
    desk: DeskDep,
    user: ConsoleUser,
    verdict: Text = "",
    reason: Text = "",
) -> RedirectResponse:
    msg, error = second_review_form(desk, case_id, decision_id, user, verdict, reason)
    return _back(key, msg=msg, error=error)
