"""Shared request dependencies: the store and the authenticated user."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request, status

from unmask.auth import User, authenticate_password, authenticate_token
from unmask.auth.permissions import Permission, allowed, refusal
from unmask.auth.throttle import LoginThrottle
from unmask.store import Store

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="unmask", Basic realm="unmask"'}


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]

MAX_ID = 2**63 - 1
"""Row ids are signed 64-bit integers in every store: a larger id is a clear 422, never a 500."""
PathId = Annotated[int, Path(ge=0, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=0, le=MAX_ID)]


def login_throttle(request: Request) -> LoginThrottle:
    """The server process's sign-in throttle (one per app)."""
    throttle = getattr(request.app.state, "login_throttle", None)
    if not isinstance(throttle, LoginThrottle):
        throttle = request.app.state.login_throttle = LoginThrottle()
    return throttle


def peer_of(request: Request) -> str:
    """The real peer (uvicorn rewrites it from X-Forwarded-For only for trusted proxies)."""
    return request.client.host if request.client else "unknown"


def throttled(request: Request, name: str | None) -> HTTPException | None:
    """A 429 when sign-in for ``name`` from this peer is locked, else None."""
    wait = login_throttle(request).retry_after(name, peer_of(request))
    if wait <= 0:
        return None
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        "too many failed sign-ins: try again later",
        headers={"Retry-After": str(max(1, round(wait)))},
    )


def _from_header(request: Request, store: Store, header: str) -> User | None:
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value:
        refused = throttled(request, None)
        if refused:
            raise refused
        user = authenticate_token(store, value.strip())
        if user is None:
            login_throttle(request).failed(None, peer_of(request))
        return user
    if scheme.lower() == "basic" and value:
        try:
            name, _, password = base64.b64decode(value.strip()).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        refused = throttled(request, name)
        if refused:
            raise refused
        user = authenticate_password(store, name, password)
        if user is None:
            login_throttle(request).failed(name, peer_of(request))
        else:
            login_throttle(request).succeeded(name)
        return user
    return None


def header_user(request: Request, store: Store) -> User | None:
    """The user of the request's ``Authorization`` header (never a console session), or None."""
    header = request.headers.get("authorization")
    return _from_header(request, store, header) if header else None


def current_user(request: Request, store: StoreDep) -> User:
    """The caller: an API token (Bearer), HTTP Basic credentials or a console session."""
    session_user = getattr(request.state, "user", None)
    if isinstance(session_user, User):
        return session_user
    header = request.headers.get("authorization")
    user = _from_header(request, store, header) if header else None
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "authentication required", headers=_CHALLENGE
        )
    return user


UserDep = Annotated[User, Depends(current_user)]


def require(permission: Permission) -> Callable[[User], User]:
    """A dependency that lets through only the roles granted ``permission``
    (``unmask.auth.permissions``, the table the console's forms use too)."""

    def check(user: UserDep) -> User:
        if not allowed(user.role, permission):
            raise HTTPException(status.HTTP_403_FORBIDDEN, refusal(user.role, permission))
        return user

    return check


def require_role(*roles: str) -> Callable[[User], User]:
    """A dependency that lets only the given roles through (admin is not implied)."""

    def check(user: UserDep) -> User:
        if user.role not in roles:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                f"role {user.role!r} may not do this; needs one of {', '.join(roles)}",
            )
        return user

    return check
