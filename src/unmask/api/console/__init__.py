"""The analyst console: sessions with CSRF protection, the review API and the server-rendered
pages (queue, case, dashboard, audit), all served locally (no CDN, no external assets)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from unmask.cases.desk import make_desk
from unmask.cases.machine import TransitionError
from unmask.store import Store

STATIC = Path(__file__).parent / "static"


def register(app: FastAPI) -> None:
    from unmask.api import reports
    from unmask.api.console import (
        api_cases,
        pages,
        pages_campaigns,
        pages_org,
        routes_auth,
        routes_forms,
    )
    from unmask.api.console.deps import ConsoleForbiddenError, LoginRequiredError
    from unmask.api.console.render import page
    from unmask.api.console.session import SessionMiddleware

    store: Store = app.state.store
    if not hasattr(app.state, "desk"):
        app.state.desk = make_desk(store, executors=app.state.plugins.actions)
    app.add_middleware(SessionMiddleware, store=store)

    @app.exception_handler(TransitionError)
    async def _refused(_request: Request, exc: TransitionError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.code)

    @app.exception_handler(ConsoleForbiddenError)
    async def _forbidden(request: Request, exc: ConsoleForbiddenError) -> HTMLResponse:
        return page(request, "error.html", status_code=403, message=exc.message)

    @app.exception_handler(LoginRequiredError)
    async def _login(_request: Request, exc: LoginRequiredError) -> RedirectResponse:
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(exc.next_path)}", status_code=303)

    for module in (
        routes_auth,
        pages,
        pages_campaigns,
        pages_org,
        routes_forms,
        api_cases,
        reports,
    ):
        app.include_router(module.router)
    app.mount("/console/static", StaticFiles(directory=STATIC), name="console-static")
