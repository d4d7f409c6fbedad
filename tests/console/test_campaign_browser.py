"""In real Chromium: an analyst opens the top case, follows its campaign link, sees the campaign
page with the possible victim marked and proposes a campaign removal; a lead approves it on the
campaign page (the victim's case stays open); a partner signs in and sees only its organisation.
Screenshots go to $UNMASK_SCREENSHOTS when set."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from tests.console import victim_world
from tests.console.conftest import PASSWORD
from tests.console.test_campaign_pages import _key, store, template  # noqa: F401  (fixtures)
from tests.web_support import chromium_page, live_server

from unmask.store import Store

pytestmark = pytest.mark.browser


def _sign_in(page: Any, base: str, name: str, lands: str) -> None:
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**{lands}")


def _shot(page: Any, tmp: Path, name: str) -> None:
    out = Path(os.environ.get("UNMASK_SCREENSHOTS") or tmp)
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / f"{name}.png"), full_page=True)


def test_campaign_walk_and_partner_view(store: Store, tmp_path: Path) -> None:  # noqa: F811
    key = _key(store)
    errors: list[str] = []
    with live_server(store) as base, chromium_page() as page:
        page.on("console", lambda m: errors.append(m.text) if "Refused" in m.text else None)
        _sign_in(page, base, "alice", "/console/queue")
        page.locator("#queue tbody tr a.case-link", has_text="Sarah Lin").click()
        page.wait_for_selector("#findings")
        page.click("#profile a.campaign-link")
        page.wait_for_url(f"**/console/campaigns/{key}")
        assert page.inner_text("#campaign-id") == key
        victim = page.locator("#members li.victim")
        assert victim.count() == 1 and "Grace Holt" in victim.inner_text()
        assert "possible victim" in victim.inner_text().lower()
        for chart in ("#timeline svg", "#sectors svg", "#orgs svg", "#graph svg"):
            assert page.locator(chart).count() == 1
        assert "possible victim(s) left out" in page.inner_text("#decide")
        _shot(page, tmp_path, "console-campaign")
        page.fill("#decide textarea", "One stolen photo and one template across the personas")
        page.click("#decide button[value=remove]")
        page.wait_for_selector("#second-review")
        assert page.locator("#second-review button[value=approve]").count() == 0
        page.click("text=Sign out")

        _sign_in(page, base, "lena", "/console/queue")
        page.goto(f"{base}/console/campaigns/{key}")
        page.fill("#second-review textarea", "Agree: one operator")
        page.click("#second-review button[value=approve]")
        page.wait_for_selector(".flash.ok")
        assert "applied" in page.inner_text(".flash.ok")
        page.goto(base + "/console/campaigns")
        _shot(page, tmp_path, "console-campaigns")
        page.click("text=Sign out")

        _sign_in(page, base, "pat", "/console/org")
        text = page.inner_text("main")
        assert "Northwind Defence" in text and "Helix Pharma" not in text
        assert not any(s in text for s in victim_world.HELIX)
        assert any(s in text for s in victim_world.NORTHWIND)
        assert "removed" in page.inner_text("#approaches").lower()  # senders' outcomes since
        assert page.locator("nav a[href='/console/queue']").count() == 0
        _shot(page, tmp_path, "console-org")
        page.goto(base + "/console/org/report.html")  # opens in the page, no download
        assert "hostile approaches to staff" in page.inner_text("h1")
        page.goto(base + "/console/queue")
        assert "no access" in page.inner_text("main")
    assert not errors, errors  # nothing was refused by the CSP
    with store.unit_of_work() as uow:
        cases = {c.subject: c for c in uow.cases.of_campaign(key)}
    assert cases[victim_world.VICTIM].status == "open"
    assert all(c.outcome == "removed" for s, c in cases.items() if s != victim_world.VICTIM)
