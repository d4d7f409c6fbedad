"""The organisation security team's console page (role ``partner``): its own organisation only,
never another's; the HTML report opens in the browser."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unmask.api.console.deps import PartnerUser
from unmask.api.console.render import page
from unmask.api.console.views_org import org_page_view
from unmask.auth import User
from unmask.org.labels import report_html
from unmask.org.repo import org_of_user

router = APIRouter(prefix="/console/org", include_in_schema=False)


def _org(request: Request, user: User) -> str | None:
    return org_of_user(request.app.state.store, user.id)


def _unlinked(request: Request) -> HTMLResponse:
    message = "Your account is not linked to an organisation yet: ask an administrator."
    return page(request, "error.html", status_code=403, message=message)


@router.get("")
def org_page(request: Request, user: PartnerUser) -> HTMLResponse:
    org_id = _org(request, user)
    if org_id is None:
        return _unlinked(request)
    return page(request, "org.html", **org_page_view(request.app.state.store, org_id))


@router.get("/report.html")
def org_report(request: Request, user: PartnerUser) -> HTMLResponse:
    org_id = _org(request, user)
    if org_id is None:
        return _unlinked(request)
    html = report_html(request.app.state.store, org_id)
    return HTMLResponse(html, headers={"Content-Disposition": "inline"})
