"""The member side of the API: the profile checker, exposure audit, password range, member
reports and alerts, the organisation view, and the member pages."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from unmask.api.member import alerts, checker, org, pages, passwords, reports
from unmask.api.member.ratelimit import RateLimiter
from unmask.api.member.service import CheckerService


def register(app: FastAPI) -> None:
    app.state.member_limiter = RateLimiter.from_env()
    app.state.member_checker = CheckerService(app.state.store)
    for module in (pages, checker, passwords, reports, alerts, org):
        app.include_router(module.router)
    app.mount("/member/static", StaticFiles(directory=pages.STATIC), name="member-static")
