"""The /check and /exposure pages in Debian's chromium: pasted profile text, the "About you"
form and the sector lexicon."""

from __future__ import annotations

import re

import pytest
from tests.member.test_paste import PAGE
from tests.web_support import chromium_page, live_server

from unmask.store import Store

pytestmark = pytest.mark.browser


def test_check_page_takes_pasted_text_and_the_members_situation(world_store: Store) -> None:
    with live_server(world_store) as base, chromium_page() as page:
        page.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: route.abort())
        page.goto(f"{base}/check")
        page.click("button[data-tab=paste]")
        page.fill("#f-paste", PAGE)
        page.fill("#f-messages", "Our client pays USD 3,000 for a short report on your work.")
        page.click("#check-btn")
        page.wait_for_selector("#answer:not([hidden])")
        assert "access" not in page.inner_text("#reasons")
        page.fill("#f-me-role", "Systems engineer")
        page.select_option("#f-me-sector", "defence")
        page.check("#f-me-clearance")
        page.click("#check-btn")
        page.wait_for_selector("#reasons li:has-text('access')")
        assert page.text_content("#risk") in ("medium", "high")
        assert "money for reports" in page.inner_text("#reasons")


def test_exposure_page_takes_pasted_text(world_store: Store) -> None:
    with live_server(world_store) as base, chromium_page() as page:
        page.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: route.abort())
        page.goto(f"{base}/exposure")
        page.fill("#ex-json", PAGE)
        page.click("#ex-form button[type=submit]")
        page.wait_for_selector("#ex-result .item")
        text = page.inner_text("#ex-result")
        assert "BAE Systems" in text and "Tempest" in text and "clearance" in text
        page.fill("#ex-json", '{"foo": 1}')
        page.click("#ex-form button[type=submit]")
        page.wait_for_selector("#ex-result.err")
        assert "not a profile" in page.inner_text("#ex-result")
