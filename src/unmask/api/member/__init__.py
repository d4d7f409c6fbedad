"""The member side of the API: the profile checker, exposure audit, password range, member
reports and alerts, the organisation view, and the member pages; the platform's authenticated
view of a stored account; body-size limits on the public routes."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from unmask.api.member import (
    alerts,
    checker,
    export,
    org,
    pages,
    passwords,
    platform,
    reports,
    tokens,
)
from unmask.api.member.ratelimit import RateLimiter
from unmask.api.member.service import CheckerService
from unmask.api.member.uploads import BodyLimit


def register(app: FastAPI) -> None:
    app.state.member_limiter = RateLimiter.from_settings(app.state.store.settings)
    app.state.member_checker = CheckerService(app.state.store, registry=app.state.plugins.detectors)
    app.add_middleware(BodyLimit)
    for module in (pages, checker, export, passwords, reports, tokens, alerts, org, platform):
        app.include_router(module.router)
    app.mount("/member/static", StaticFiles(directory=pages.STATIC), name="member-static")
