"""The member pages in Debian's chromium: the checker rates a planted persona high and a genuine
profile low, its report button files a report the console sees, and the password page sends only
a 5-hex-digit prefix."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from tests.member.world import PERSONA_MESSAGES
from tests.web_support import chromium_page, live_server

from unmask.auth import create_token, create_user
from unmask.auth.member_tokens import issue, member_secret
from unmask.store import Store

pytestmark = pytest.mark.browser


def _check(
    page: Any, base: str, profile_id: str, name: str, messages: str, navigate: bool = True
) -> None:
    if navigate:
        page.goto(f"{base}/check")
    page.fill("#f-name", name)
    page.fill("#f-id", f"https://platform.example/in/{profile_id}/")
    page.fill("#f-messages", messages)
    page.click("#check-btn")
    page.wait_for_selector("#answer:not([hidden])")


def test_checker_page_rates_and_reports(world_store: Store) -> None:
    user, _ = create_user(world_store, "analyst-b", "analyst")
    token = create_token(world_store, user)
    with live_server(world_store) as base, chromium_page() as page:
        page.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: route.abort())
        member = issue(member_secret(world_store.settings), "member-9")
        messages = "\n\n".join(PERSONA_MESSAGES)
        page.goto(f"{base}/check#member_token={member}")  # as the platform embeds the page
        page.fill("#f-employer", "Meridian Strategic Advisory")
        page.fill("#f-title", "Senior Talent Partner")
        _check(page, base, "persona-1", "Helen Marsh", messages, navigate=False)
        assert page.text_content("#risk") == "high"
        reasons = page.inner_text("#reasons")
        assert "this photo appears on other accounts" not in reasons  # nothing from the store
        assert "money" in reasons and "another app" in reasons
        assert page.locator("input[name=q]").count() == 8
        assert "member_token" not in page.url  # the token leaves the address bar
        page.click("#report-btn")
        page.wait_for_selector("#report-status.ok")
        reports = page.request.get(
            f"{base}/api/v1/records/reports", headers={"Authorization": f"Bearer {token}"}
        ).json()["items"]
        assert [(r["reporter"], r["reported"]) for r in reports] == [("member-9", "persona-1")]

        _check(page, base, "persona-2", "Sarah Lin", messages)  # not signed in: triage only
        page.click("#report-btn")
        page.wait_for_selector("#report-status.ok")
        assert "unverified" in page.inner_text("#report-status")
        assert world_store.triage.count("persona-2") == 1

        _check(page, base, "eng-1", "Ben Carter", "Good to see you at the conference.")
        assert page.text_content("#risk") == "low"
        assert "Nothing we can see stands out" in page.inner_text("#reasons")


def test_password_page_sends_only_a_prefix(world_store: Store) -> None:
    password = "qwerty"
    full = hashlib.sha1(password.encode()).hexdigest().upper()
    seen: list[str] = []
    with live_server(world_store) as base, chromium_page() as page:
        page.on("request", lambda req: seen.append(req.url + (req.post_data or "")))
        page.goto(f"{base}/passwords")
        page.fill("#pw", password)
        page.click("button[type=submit]")
        page.wait_for_selector("#pw-result.err")
        assert "common passwords" in page.text_content("#pw-result")
    ranges = [u for u in seen if "/api/v1/passwords/range/" in u]
    assert ranges == [f"{base}/api/v1/passwords/range/{full[:5]}"]
    assert not any(full[5:] in u or full.lower()[5:] in u or password in u for u in seen)


def test_export_upload_on_the_checker_page(world_store: Store, tmp_path: Path) -> None:
    from unmask.export.example import write_example

    export = write_example(tmp_path / "export.zip", as_zip=True)
    seen: list[str] = []
    with live_server(world_store) as base, chromium_page() as page:
        page.on("request", lambda req: seen.append(req.url))
        page.goto(f"{base}/check")
        page.set_input_files("#f-export", str(export))
        page.click("#export-btn")
        page.wait_for_selector("#export-result:not([hidden])")
        rows = page.inner_text("#export-rows")
        for name in ("Helen Marsh", "Sarah Lin", "Daniel Reyes"):
            assert name in rows
        assert "Priya Shah" not in rows and "Priya Shah" in page.inner_text("#export-rest")
        assert "Remove the connection." in rows
    assert all(u.startswith(base) for u in seen), "nothing leaves for another host"
