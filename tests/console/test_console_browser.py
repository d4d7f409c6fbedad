"""End to end in real Chromium: sign in, open the top case, see its evidence and charts, remove
it with a second reviewer, then check the store: connections severed, every contacted member
notified, the audit chain intact. Screenshots go to $UNMASK_SCREENSHOTS when set (docs/img)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.console.conftest import PASSWORD
from tests.web_support import chromium_page, live_server

from unmask.audit import verify
from unmask.store import Store
from unmask.store.review_schema import notifications
from unmask.store.schema import RECORD_TABLES

pytestmark = pytest.mark.browser


def _sign_in(page: Any, base: str, name: str) -> None:
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/console/queue")


def _shot(page: Any, tmp: Path, name: str) -> None:
    out = Path(os.environ.get("UNMASK_SCREENSHOTS") or tmp)
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / f"{name}.png"), full_page=True)


def test_remove_top_case_with_second_reviewer(store: Store, tmp_path: Path) -> None:
    with live_server(store) as base, chromium_page() as page:
        _sign_in(page, base, "lena")
        first = page.locator("#queue tbody tr").first
        assert "Sarah Lin" in first.inner_text()
        _shot(page, tmp_path, "console-queue")
        first.locator("a.case-link").click()
        page.wait_for_selector("#findings")
        assert "photo is identical to the photo of 2 other account(s)" in page.inner_text(
            "#findings"
        )
        for chart in ("#sectors svg", "#timeline svg", "#graph svg"):
            assert page.locator(chart).count() == 1
        assert "defence" in page.inner_text("#sectors")
        assert "Emma Zhou" in page.inner_text("#similar")
        _shot(page, tmp_path, "console-case")
        case_url = page.url

        page.click("button[value=remove]")  # the browser refuses: a reason is required
        assert page.url == case_url
        page.fill("#reason", "Stock photo shared with two personas of an unverified front firm")
        page.click("button[value=remove]")
        page.wait_for_selector("#second-review")
        assert "waiting for a second reviewer" in page.inner_text(".flash.ok")
        assert page.locator("#second-review button[value=approve]").count() == 0  # not herself
        page.click("text=Sign out")

        _sign_in(page, base, "lars")
        page.goto(case_url)
        page.fill("#second-review textarea", "Agree: same photo, same front, defence targets")
        page.click("#second-review button[value=approve]")
        page.wait_for_selector("#decided")
        assert "remove applied to 1 case(s)" in page.inner_text(".flash.ok")
        assert page.inner_text("#notified") == "60"

        page.goto(base + "/console/dashboard")
        assert page.locator("#prevalence svg").count() == 1
        _shot(page, tmp_path, "console-dashboard")
        page.goto(base + "/console/audit")
        assert "Chain intact" in page.inner_text("#chain")

    invs = RECORD_TABLES["invitation"]
    with store.unit_of_work() as uow:  # severance is state the readers apply
        left = uow.records.connections_of("fa1")
        pending = [i for i in uow.records.pending_invitations_of("fa1") if i.sender == "fa1"]
    with store.connect() as conn:
        told = set(
            conn.execute(
                select(notifications.c.member).where(notifications.c.about == "fa1")
            ).scalars()
        )
        contacted = set(
            conn.execute(select(invs.c.recipient).where(invs.c.sender == "fa1")).scalars()
        )
    assert left == [] and pending == []
    assert told == contacted and len(told) == 60
    assert verify(store).ok
