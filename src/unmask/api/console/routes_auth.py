"""Sign in and out of the console."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from unmask.api.console.render import page
from unmask.api.console.session import COOKIE, LIFETIME, create_session, end_session
from unmask.api.deps import StoreDep, login_throttle, peer_of, throttled
from unmask.auth import authenticate_password
from unmask.auth.permissions import allowed

router = APIRouter(include_in_schema=False)
LOGIN_COOKIE = "unmask_login"


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/console/queue"


def _home(role: str | None) -> str:
    return "/console/org" if role is not None and allowed(role, "org_view") else "/console/queue"


@router.get("/")
def root(request: Request) -> RedirectResponse:
    user = getattr(request.state, "user", None)
    return RedirectResponse(_home(getattr(user, "role", None)), status_code=303)


@router.get("/login")
def login_form(request: Request, next: str | None = None, error: str = "") -> Response:
    token = secrets.token_urlsafe(24)
    response = page(
        request,
        "login.html",
        login_csrf=token,
        next=_safe_next(next),
        error=error,
        status_code=401 if error else 200,
    )
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=3600,
    )
    return response


@router.post("/login")
def login(
    request: Request,
    store: StoreDep,
    name: Annotated[str, Form(max_length=120)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not hmac.compare_digest(expected, csrf_token):
        return login_form(request, next, "The sign-in form expired: please try again.")
    if throttled(request, name):
        response = login_form(
            request, next, "Too many failed sign-ins: wait a while and try again."
        )
        response.status_code = 429
        return response
    user = authenticate_password(store, name, password) if name and password else None
    if user is None:
        login_throttle(request).failed(name, peer_of(request))
        return login_form(request, next, "Wrong name or password.")
    login_throttle(request).succeeded(name)
    target = _safe_next(next)
    if target == "/console/queue":
        target = _home(user.role)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE,
        create_session(store, user),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        max_age=int(LIFETIME.total_seconds()),
    )
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, store: StoreDep) -> RedirectResponse:
    token = getattr(request.state, "session_token", None)
    if token:
        end_session(store, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response
