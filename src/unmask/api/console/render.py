"""Server-rendered pages: one Jinja2 environment (autoescaped), the signed-in user and the CSRF
token available to every template."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from unmask.auth.permissions import allowed


def _ago(value: datetime | None) -> str:
    if value is None:
        return "—"
    at = value if value.tzinfo else value.replace(tzinfo=UTC)
    secs = (datetime.now(UTC) - at).total_seconds()
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if secs >= size:
            return f"{int(secs // size)} {unit} ago"
    return "just now"


def _when(value: datetime | None) -> str:
    if value is None:
        return "—"
    at = value if value.tzinfo else value.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


@cache
def env() -> Environment:
    e = Environment(
        loader=PackageLoader("unmask.api.console", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    e.filters["ago"] = _ago
    e.filters["when"] = _when
    e.filters["pct"] = lambda v: f"{100 * float(v):.0f}%"
    e.globals["allowed"] = allowed
    return e


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    user = getattr(request.state, "user", None)
    html = (
        env()
        .get_template(template)
        .render(
            user=user,
            csrf=getattr(request.state, "csrf", ""),
            path=request.url.path,
            **context,
        )
    )
    return HTMLResponse(html, status_code=status_code)
