"""The FastAPI application: public health and schema, everything else behind authentication."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from unmask import __version__
from unmask.api import docs_pages
from unmask.api.headers import SecurityHeaders
from unmask.hooks import Plugins, load_plugins
from unmask.settings import Settings, load_settings
from unmask.store import Store


def create_app(
    store: Store | None = None, settings: Settings | None = None, plugins: Plugins | None = None
) -> FastAPI:
    """The application over ``store`` (default: opened from ``settings``, default: the
    environment's), with the routes of every plugin (``plugins``, default: loaded from the
    store's settings); ``app.state.plugins`` holds them for the routes (the detector registry)."""
    app = FastAPI(
        title="unmask",
        version=__version__,
        description="Detect, review and remove fake professional-network profiles.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store or Store.open(settings or load_settings())
    app.state.plugins = plugins or load_plugins(app.state.store.settings)

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

    docs_pages.register(app)
    app.add_middleware(SecurityHeaders)
    app.state.plugins.add_routes(app)
    return app
