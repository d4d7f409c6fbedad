"""The organisation view for a security team (role ``partner``, linked to one organisation)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from unmask.api.deps import require_role
from unmask.auth import User
from unmask.org.labels import report_html
from unmask.org.repo import build_view, enrol, org_of_user

router = APIRouter(prefix="/api/v1/org", tags=["organisation"])
Partner = Annotated[User, Depends(require_role("partner"))]


class StaffIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    identifiers: Annotated[list[Annotated[str, Field(max_length=400)]], Field(max_length=50_000)]


def _org(request: Request, user: User) -> str:
    org_id = org_of_user(request.app.state.store, user.id)
    if org_id is None:
        raise HTTPException(403, "this user is not linked to an organisation")
    return org_id


@router.post("/staff", summary="Enrol staff identifiers (stored only as keyed hashes)")
def enrol_staff(body: StaffIn, request: Request, user: Partner) -> dict[str, Any]:
    added = enrol(request.app.state.store, _org(request, user), body.identifiers)
    return {"enrolled": added}


@router.get("/overview", summary="Approaches to staff, campaigns, figures")
def overview(request: Request, user: Partner) -> dict[str, Any]:
    org_id = _org(request, user)
    view = build_view(request.app.state.store, org_id)
    return {"org": org_id, **view.as_dict()}


@router.get("/report.html", response_class=HTMLResponse, summary="The report as HTML")
def report(request: Request, user: Partner) -> HTMLResponse:
    org_id = _org(request, user)
    html = report_html(request.app.state.store, org_id)
    headers = {"Content-Disposition": f'inline; filename="{org_id}-report.html"'}
    return HTMLResponse(html, headers=headers)
