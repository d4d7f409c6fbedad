"""Console and API responses carry a strict CSP, anti-framing and no-store; /docs and /redoc work
offline from unmask's own copy of their assets."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web_support import chromium_page, live_server

from unmask.api import create_app
from unmask.api.headers import CSP, secure_headers
from unmask.settings import Settings
from unmask.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    url = f"sqlite:///{tmp_path / 'unmask.db'}"
    st = Store(url, Settings(data_dir=tmp_path, database_url=url))
    st.migrate()
    return st


def test_every_page_gets_csp_anti_framing_and_no_store(store: Store) -> None:
    with TestClient(create_app(store)) as client:
        for path in ("/login", "/check", "/health", "/api/v1/cases", "/docs", "/openapi.json"):
            r = client.get(path, follow_redirects=False)
            assert "frame-ancestors 'none'" in r.headers["content-security-policy"], path
            assert "unsafe-eval" not in r.headers["content-security-policy"], path
            assert r.headers["x-frame-options"] == "DENY", path
            assert r.headers["x-content-type-options"] == "nosniff", path
            assert r.headers["cache-control"] == "no-store", path
        css = client.get("/console/static/console.css")
        assert css.status_code == 200 and css.headers.get("cache-control") != "no-store"


def test_headers_keep_what_a_route_set_but_always_forbid_framing() -> None:
    own = [(b"cache-control", b"max-age=60"), (b"content-security-policy", b"default-src 'self'")]
    out = dict(secure_headers("/x", own))
    assert out[b"cache-control"] == b"max-age=60"
    assert out[b"content-security-policy"] == b"default-src 'self'; frame-ancestors 'none'"
    assert dict(secure_headers("/y", []))[b"content-security-policy"] == CSP.encode()


def test_docs_assets_are_served_locally(store: Store) -> None:
    with TestClient(create_app(store)) as client:
        page = client.get("/docs").text
        assert "cdn" not in page.lower() and "http" not in page.lower()
        for src in (
            "/api-docs/static/swagger-ui-bundle.js",
            "/api-docs/static/swagger-ui.css",
            "/api-docs/static/redoc.standalone.js",
            "/api-docs/ours/swagger-init.js",
        ):
            r = client.get(src)
            assert r.status_code == 200 and len(r.content) > 100, src
        assert "http" not in client.get("/redoc").text.lower()


@pytest.mark.browser
def test_swagger_and_redoc_render_offline_under_the_csp(store: Store) -> None:
    with live_server(store) as base, chromium_page() as page:
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(f"{base}/docs")
        page.wait_for_selector(".opblock", timeout=20_000)
        assert page.locator(".opblock").count() > 5
        page.goto(f"{base}/redoc")
        page.wait_for_selector("[data-section-id]", timeout=30_000)
        # Only third-party fetches may be refused (ReDoc's "powered by" logo on its CDN): nothing
        # of unmask's own pages is blocked by the policy.
        blocked = [p for p in problems if "Content Security Policy" in p]
        assert all("https://" in p and "127.0.0.1" not in p for p in blocked), blocked
