"""The organisation security team's console page: a partner sees its own organisation only,
opens its report in the browser, and cannot reach the queue, cases or campaigns."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.console import victim_world
from tests.console.conftest import PASSWORD
from tests.console.test_campaign_pages import _key, store, template  # noqa: F401  (fixtures)

from unmask.api import create_app
from unmask.store import Store


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:  # noqa: F811
    with TestClient(create_app(store)) as c:
        yield c


def _sign_in(client: TestClient, name: str) -> str:
    page = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    r = client.post(
        "/login",
        data={"name": name, "password": PASSWORD, "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert r.status_code == 303
    return str(r.headers["location"])


def _staff_shown(html: str) -> set[str]:
    return set(re.findall(r'class="mono">(m\d{3})<', html))


def test_partner_lands_on_its_organisation_and_sees_only_it(
    client: TestClient,
    store: Store,  # noqa: F811
) -> None:
    assert _sign_in(client, "pat") == "/console/org"
    page = client.get("/console/org")
    assert page.status_code == 200
    html = page.text
    assert "Northwind Defence" in html and "Helix Pharma" not in html
    shown = _staff_shown(html)
    assert shown and shown <= set(victim_world.NORTHWIND)
    assert not set(re.findall(r"m\d{3}", html)) & set(victim_world.HELIX)
    assert "r-helix" not in html and "trial data" not in html
    key = _key(store)
    assert key in html and "Global Talent Partners" in html  # one campaign id, with its name
    assert "Summary for senior leaders" in html
    # the two Northwind reports against fa1 are shown with their outcome
    assert html.count('id="reports"') == 1 and html.count("fa1 <span") >= 2
    report = client.get("/console/org/report.html")
    assert report.status_code == 200 and "attachment" not in report.headers.get(
        "content-disposition", ""
    )
    assert "Northwind Defence" in report.text
    assert key in report.text and "sender since" in report.text  # the console's campaign id
    assert not set(re.findall(r"m\d{3}", report.text)) & set(victim_world.HELIX)


def test_the_other_partner_sees_its_own_report_only(client: TestClient) -> None:
    _sign_in(client, "phil")
    html = client.get("/console/org").text
    assert "Helix Pharma" in html and "Northwind Defence" not in html
    assert _staff_shown(html) <= set(victim_world.HELIX)
    assert victim_world.HELIX[1] in html and "fa2" in html  # its staff member's report
    assert not set(re.findall(r"m\d{3}", html)) & set(victim_world.NORTHWIND)


@pytest.mark.parametrize(
    "path", ["/console/queue", "/console/cases/1", "/console/campaigns", "/console/dashboard"]
)
def test_partner_cannot_reach_case_work(client: TestClient, path: str) -> None:
    _sign_in(client, "pat")
    r = client.get(path)
    assert r.status_code == 403 and r.headers["content-type"].startswith("text/html")
    assert "/console/org" in r.text  # a page with the way back, not raw JSON
    assert client.get("/api/v1/cases", auth=("pat", PASSWORD)).status_code == 403


def test_analysts_have_no_organisation_page(client: TestClient) -> None:
    _sign_in(client, "alice")
    assert client.get("/console/org").status_code == 403
    assert client.get("/console/org/report.html").status_code == 403
    assert 'href="/console/org"' not in client.get("/console/queue").text


@pytest.mark.parametrize("name", ["alice", "lena", "aud", "ada", "svc", "pat"])
def test_each_role_reaches_exactly_what_the_table_grants(client: TestClient, name: str) -> None:
    from tests.console.conftest import ROLES

    from unmask.auth.permissions import allowed

    role = ROLES.get(name, "partner")
    _sign_in(client, name)
    for path, permission in (
        ("/console/campaigns", "read_campaigns"),
        ("/console/org", "org_view"),
        ("/console/queue", "read_cases"),
    ):
        status = client.get(path).status_code
        assert (status == 200) == allowed(role, permission), (role, path, status)
