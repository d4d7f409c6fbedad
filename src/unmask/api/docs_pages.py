"""``/docs`` (Swagger UI) and ``/redoc`` served with unmask's own copy of their assets.

FastAPI's default pages load Swagger UI and ReDoc from a CDN, so they are blank offline and would
need a Content-Security-Policy that trusts a third party. The assets ship inside the
``fastapi-offline`` wheel (read here as package data only); the pages and the start-up script are
ours, so no inline script is needed and the CSP stays ``script-src 'self'``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/api-docs/static"
OURS = Path(__file__).parent / "docs_static"

_SWAGGER = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>unmask API</title>
<link rel="icon" href="{ASSETS}/favicon.png">
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="/api-docs/ours/swagger-init.js"></script></body></html>
"""

_REDOC = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>unmask API reference</title>
<link rel="icon" href="{ASSETS}/favicon.png"></head>
<body><redoc spec-url="/openapi.json"></redoc>
<script src="{ASSETS}/redoc.standalone.js"></script></body></html>
"""


def asset_dir() -> Path:
    """Where the Swagger UI and ReDoc bundles are installed."""
    return Path(str(resources.files("fastapi_offline") / "static"))


def register(app: FastAPI) -> None:
    """Mount the assets and add the two pages (the app is created with docs_url=None)."""
    app.mount(ASSETS, StaticFiles(directory=asset_dir()), name="api-docs-assets")
    app.mount("/api-docs/ours", StaticFiles(directory=OURS), name="api-docs-ours")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return HTMLResponse(_SWAGGER)

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return HTMLResponse(_REDOC)
