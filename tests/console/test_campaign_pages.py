"""The campaign pages: list, one campaign with its possible victim, export, whole-campaign
actions under four eyes that leave the victim out; role checks from the one permission table."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.console import victim_world
from tests.console.test_console_api import _login

from unmask.api import create_app
from unmask.cases.provenance import photo_owners
from unmask.settings import Settings
from unmask.store import Store


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("victim-world")
    victim_world.make(path).close()
    return path


@pytest.fixture
def store(template: Path, tmp_path: Path) -> Iterator[Store]:
    shutil.copytree(template, tmp_path / "w")
    url = f"sqlite:///{tmp_path / 'w' / 'unmask.db'}"
    st = Store(url, Settings(data_dir=tmp_path / "w", database_url=url))
    try:
        yield st
    finally:
        st.close()


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as c:
        yield c


def _key(store: Store) -> str:
    with store.unit_of_work() as uow:
        scan = uow.scans.latest()
        assert scan is not None
        found = [c.key for c in uow.scans.campaigns(scan.id) if victim_world.VICTIM in c.members]
    assert found, "the victim is expected inside campaign A"
    return found[0]


def test_photo_owner_is_the_much_earlier_holder_only() -> None:
    t = datetime(2026, 11, 1, tzinfo=UTC)
    pairs = [("a", "b", "photo"), ("b", "c", "photo"), ("a", "c", "template")]
    recent = {"a": t, "b": t + timedelta(days=3), "c": t + timedelta(days=6)}
    assert photo_owners(pairs, recent, timedelta(days=180)) == {}
    old = {**recent, "c": t - timedelta(days=4000)}
    owners = photo_owners(pairs, old, timedelta(days=180))
    assert set(owners) == {"c"}
    assert owners["c"].later_holders == ("a", "b") and owners["c"].lead_days == 4000
    assert photo_owners([("a", "b", "template")], old, timedelta(days=1)) == {}


def test_list_names_each_campaign_with_its_id(client: TestClient, store: Store) -> None:
    _login(client, "alice")
    page = client.get("/console/campaigns")
    assert page.status_code == 200
    key = _key(store)
    assert f'href="/console/campaigns/{key}"' in page.text
    assert "Global Talent Partners" in page.text  # the readable name beside the id
    assert "first activity" in page.text.lower() and "defence" in page.text


def test_case_page_and_queue_link_to_the_campaign_page(client: TestClient, store: Store) -> None:
    _login(client, "alice")
    key = _key(store)
    with store.unit_of_work() as uow:
        case = next(c for c in uow.cases.of_campaign(key) if c.subject == "fa1")
    page = client.get(f"/console/cases/{case.id}").text
    assert f'href="/console/campaigns/{key}"' in page
    queue = client.get("/console/queue").text
    assert f'href="/console/campaigns/{key}"' in queue


def test_campaign_page_marks_the_possible_victim(client: TestClient, store: Store) -> None:
    _login(client, "alice")
    key = _key(store)
    page = client.get(f"/console/campaigns/{key}")
    assert page.status_code == 200
    html = page.text
    item = re.search(r'<li class="victim">.*?</li>', html, re.S)
    assert item and "Grace Holt" in item.group(0) and "possible victim" in item.group(0)
    assert html.count('<li class="victim">') == 1  # the personas sharing it are not victims
    assert "1 possible victim(s) left out" in html
    for section in ("members", "timeline", "sectors", "orgs", "graph", "infrastructure", "intel"):
        assert f'id="{section}"' in html
    assert "gtp-careers.com" in html  # the shared sign-up domain
    assert client.get("/console/campaigns/cmp-00000000").status_code == 404
    assert client.get("/console/campaigns/..%2Fetc").status_code in (404, 422)


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found
    return found.group(1)


def test_whole_campaign_removal_needs_a_lead_and_spares_the_victim(
    client: TestClient, store: Store
) -> None:
    key = _key(store)
    _login(client, "alice")
    assert client.get(f"/console/campaigns/{key}/export.stix").status_code == 404
    page = client.get(f"/console/campaigns/{key}").text
    r = client.post(
        f"/console/campaigns/{key}/decide",
        data={"csrf_token": _csrf(page), "action": "remove", "reason": "one photo, one front"},
    )
    assert r.status_code == 200 and "second reviewer" in r.text.lower(), r.text[:500]
    assert 'id="second-review"' in r.text and "Approve" not in r.text  # alice cannot approve
    client.post("/logout", data={"csrf_token": _csrf(r.text)})
    _login(client, "lena")
    page = client.get(f"/console/campaigns/{key}").text
    form = re.search(r'action="(/console/campaigns/[^"]+/review)"', page)
    assert form, "the lead sees the approve form on the campaign page"
    done = client.post(
        form.group(1), data={"csrf_token": _csrf(page), "verdict": "approve", "reason": "agreed"}
    )
    assert done.status_code == 200 and "applied" in done.text
    with store.unit_of_work() as uow:
        cases = {c.subject: c for c in uow.cases.of_campaign(key)}
        victim_state = uow.enforcement.state(victim_world.VICTIM)
    assert {s for s, c in cases.items() if c.outcome == "removed"} == set(cases) - {
        victim_world.VICTIM
    }
    assert cases[victim_world.VICTIM].status == "open" and victim_state != "removed"
    stix = client.get(f"/console/campaigns/{key}/export.stix")
    assert stix.status_code == 200 and key in stix.text
    assert client.get(f"/console/campaigns/{key}/export.misp").status_code == 200


def test_auditor_reads_but_cannot_act(client: TestClient, store: Store) -> None:
    key = _key(store)
    _login(client, "aud")
    page = client.get(f"/console/campaigns/{key}")
    assert page.status_code == 200 and f"/console/campaigns/{key}/decide" not in page.text
    r = client.post(
        f"/console/campaigns/{key}/decide",
        data={"csrf_token": _csrf(page.text), "action": "remove", "reason": "trying anyway"},
    )
    assert "may not do this" in r.text
    with store.unit_of_work() as uow:
        assert all(c.outcome is None for c in uow.cases.of_campaign(key))
