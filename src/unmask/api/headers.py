"""Security headers on every response: a strict Content-Security-Policy with
``frame-ancestors 'none'`` (no framing, no clickjacking), ``nosniff``, no referrer, and
``Cache-Control: no-store`` on everything but static assets (console pages and API answers hold
case data that must not stay in a shared browser's cache).

A plain ASGI middleware (not Starlette's BaseHTTPMiddleware) so the live path pays one dict
update per response.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
STATIC_PREFIXES = ("/console/static/", "/member/static/", "/api-docs/")

_ALWAYS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def secure_headers(path: str, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """A response's headers with ours added. What a route set itself is kept, except that a
    route's own CSP always gains ``frame-ancestors 'none'`` when it does not say otherwise."""
    present = {k.lower() for k, _ in headers}
    out = []
    for k, v in headers:
        if k.lower() == b"content-security-policy" and b"frame-ancestors" not in v:
            v = v.rstrip(b"; ") + b"; frame-ancestors 'none'"
        out.append((k, v))
    out += [(k, v) for k, v in _ALWAYS if k not in present]
    if b"cache-control" not in present and not path.startswith(STATIC_PREFIXES):
        out.append((b"cache-control", b"no-store"))
    return out


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(bytes(k), bytes(v)) for k, v in message.get("headers", [])]
                message["headers"] = secure_headers(path, headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)
