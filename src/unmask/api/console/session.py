"""Console sessions and CSRF protection.

A session is a random cookie (HttpOnly, SameSite=Lax) whose SHA-256 is stored with the user and a
CSRF token. The middleware sets ``request.state.user`` for a valid session; every unsafe request
made with a session cookie must carry the session's CSRF token, in the ``X-CSRF-Token`` header or
a ``csrf_token`` form field, or it is refused with 403. Requests with an ``Authorization`` header
are authenticated by it, not by the cookie, and need no CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

import anyio
import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unmask.auth import User
from unmask.store import Store

COOKIE = "unmask_session"
LIFETIME = timedelta(hours=12)
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_FORM = "application/x-www-form-urlencoded"
_MAX_FORM = 1 << 20


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(store: Store, user: User) -> str:
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with store.unit_of_work() as uow:
        uow.users.add_session(_digest(token), user.id, secrets.token_urlsafe(32), now + LIFETIME)
    return token


def lookup(store: Store, token: str) -> tuple[User, str] | None:
    with store.unit_of_work() as uow:
        found = uow.users.session(_digest(token))
    if found is None or found.user.disabled or found.expires_at < datetime.now(UTC):
        return None
    u = found.user
    return User(u.id, u.name, u.role), found.csrf


def end_session(store: Store, token: str) -> None:
    with store.unit_of_work() as uow:
        uow.users.end_session(_digest(token))


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def cookie_value(scope: Scope, name: str) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(_headers(scope).get("cookie", ""))
    except Exception:  # a malformed Cookie header is treated as no cookie
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


async def _refuse(send: Send, message: str) -> None:
    body = orjson.dumps({"detail": message})
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SessionMiddleware:
    def __init__(self, app: ASGIApp, store: Store) -> None:
        self.app, self.store = app, store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        token = None if "authorization" in headers else cookie_value(scope, COOKIE)
        found = await anyio.to_thread.run_sync(lookup, self.store, token) if token else None
        if found is None:
            await self.app(scope, receive, send)
            return
        user, csrf = found
        state: dict[str, Any] = scope.setdefault("state", {})
        state["user"], state["csrf"], state["session_token"] = user, csrf, token
        if scope["method"] not in UNSAFE:
            await self.app(scope, receive, send)
            return
        sent = headers.get("x-csrf-token")
        if sent is None and headers.get("content-type", "").startswith(_FORM):
            body, receive = await _buffer(receive)
            if body is None:
                await _refuse(send, "form too large")
                return
            fields = parse_qs(body.decode("utf-8", "replace")).get("csrf_token", [])
            sent = fields[0] if fields else None
        if not sent or not hmac.compare_digest(sent, csrf):
            await _refuse(send, "CSRF token missing or wrong: reload the page and try again")
            return
        await self.app(scope, receive, send)


async def _buffer(receive: Receive) -> tuple[bytes | None, Receive]:
    """Read the whole request body, then hand an identical stream to the application."""
    chunks: list[bytes] = []
    size, more = 0, True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        more = message.get("more_body", False)
        if size > _MAX_FORM:
            return None, receive
    body = b"".join(chunks)
    done = False

    async def replay() -> Message:
        nonlocal done
        if not done:
            done = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay
