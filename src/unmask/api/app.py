"""The FastAPI application: public health and schema, everything else behind authentication."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from unmask import __version__
from unmask.api import docs_pages, records
from unmask.api.headers import SecurityHeaders
from unmask.store import Store

#: Routers added by other parts (console, reports, intel, live scoring): modules exposing
#: ``router`` or ``register(app)``.
ROUTER_MODULES: tuple[str, ...] = (
    "unmask.api.member",
    "unmask.api.console",
    "unmask.api.taxii",
    "unmask.api.live",
)


def create_app(store: Store | None = None) -> FastAPI:
    app = FastAPI(
        title="unmask",
        version=__version__,
        description="Detect, review and remove fake professional-network profiles.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store or Store.open()

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {
                "field": ".".join(str(p) for p in e["loc"][e["loc"][:1] == ("body",) :]),
                "message": e["msg"],
            }
            for e in exc.errors()
        ]
        return JSONResponse({"detail": "invalid request", "problems": problems}, status_code=422)

    @app.get("/health", tags=["public"], summary="Liveness and store reachability")
    def health() -> dict[str, Any]:
        st: Store = app.state.store
        st.ping()
        return {"status": "ok", "version": __version__, "store": st.dialect}

    app.include_router(records.router)
    docs_pages.register(app)
    app.add_middleware(SecurityHeaders)
    import importlib

    for module in ROUTER_MODULES:
        mod = importlib.import_module(module)
        mod.register(app) if hasattr(mod, "register") else app.include_router(mod.router)
    return app
