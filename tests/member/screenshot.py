"""Regenerate docs/img/checker.png: the checker page rating the planted persona of world.py from
its pasted profile page, its messages and the member's "about you".

.venv/bin/python -m tests.member.screenshot
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.member.conftest import fill
from tests.member.world import PERSONA_MESSAGES
from tests.web_support import chromium_page, live_server

from unmask.settings import Settings
from unmask.store import Store

OUT = Path(__file__).resolve().parents[2] / "docs" / "img" / "checker.png"
#: What a browser copies from the persona's profile page (invented).
PERSONA_PAGE = """Helen Marsh
Senior Talent Partner | Meridian Strategic Advisory
London, England, United Kingdom
500+ connections

About
Connecting policy minds.

Experience
Senior Talent Partner
Meridian Strategic Advisory · Full-time
Dec 2025 - Present · 3 mos
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/unmask.db"
        store = Store(url, Settings(data_dir=Path(tmp), database_url=url))
        store.migrate()
        fill(store)
        with live_server(store) as base, chromium_page() as page:
            page.set_viewport_size({"width": 1280, "height": 1010})
            page.goto(f"{base}/check")
            page.click("button[data-tab=paste]")
            page.fill("#f-paste", PERSONA_PAGE)
            page.fill("#f-messages", "\n\n".join(PERSONA_MESSAGES))
            page.fill("#f-me-role", "Avionics engineer")
            page.select_option("#f-me-sector", "defence")
            page.check("#f-me-clearance")
            page.check("input[value=large_offer]")
            page.check("input[value=off_platform]")
            page.click("#check-btn")
            page.wait_for_selector("#answer:not([hidden])")
            page.screenshot(path=str(OUT), full_page=True)
        store.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
