"""A real server on loopback and a real Chromium, for browser and HTTP tests.

``live_server(store)`` runs the app under uvicorn in a thread on a free 127.0.0.1 port;
``chromium_page()`` launches Debian's chromium through Playwright (no browser download), headless,
with the network locked down. Both skip with a reason when unavailable (fail under CI).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.conftest import require

from unmask.store import Store

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(store: Store, forwarded: str = "") -> Iterator[str]:
    """The app as ``unmask serve`` runs it (``forwarded``: its ``--forwarded-allow-ips``)."""
    import uvicorn

    from unmask.api import create_app
    from unmask.cli.serve_cmd import uvicorn_config

    port = free_port()
    config = uvicorn_config(create_app(store), "127.0.0.1", port, forwarded, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def chromium_path() -> str | None:
    return (
        os.environ.get("UNMASK_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@contextmanager
def chromium_page() -> Iterator[Any]:
    """A Playwright page in Debian's chromium (skips without chromium or playwright)."""
    exe = chromium_path()
    require(exe is not None, "Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "playwright is not installed")
        raise
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            yield context.new_page()
        finally:
            browser.close()
