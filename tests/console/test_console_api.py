"""The review API over HTTP: roles, CSRF, clear 4xx answers to bad input (never a 500)."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.console.conftest import PASSWORD

from unmask.api import create_app
from unmask.store import Store


def basic(name: str) -> dict[str, str]:
    token = base64.b64encode(f"{name}:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store), raise_server_exceptions=True) as c:
        yield c


def _top(client: TestClient) -> int:
    r = client.get("/api/v1/cases", headers=basic("alice"))
    assert r.status_code == 200, r.text
    return int(r.json()["items"][0]["id"])


def test_roles(client: TestClient) -> None:
    top = _top(client)
    body = {"action": "clear", "reason": "looks genuine to me"}
    r = client.post(f"/api/v1/cases/{top}/decisions", json=body, headers=basic("aud"))
    assert r.status_code == 403 and "analyst, lead, admin" in r.json()["detail"]
    user = {"name": "newbie", "role": "analyst"}
    r = client.post("/api/v1/users", json=user, headers=basic("alice"))
    assert r.status_code == 403  # an analyst cannot do an admin's action
    r = client.post("/api/v1/users", json=user, headers=basic("ada"))
    assert r.status_code == 201 and r.json()["password"]
    assert client.get("/api/v1/audit/verify", headers=basic("alice")).status_code == 403
    assert client.get("/api/v1/audit/verify", headers=basic("aud")).json()["ok"] is True
    assert client.get("/api/v1/cases").status_code == 401


def test_invalid_input_is_a_clear_4xx(client: TestClient) -> None:
    top = _top(client)
    bad = [
        (f"/api/v1/cases/{top}/decisions", {"action": "nuke", "reason": "because"}, 422, "action"),
        (f"/api/v1/cases/{top}/decisions", {"action": "remove", "reason": ""}, 422, "reason"),
        (f"/api/v1/cases/{top}/decisions", {"action": "clear"}, 422, "reason"),
        ("/api/v1/cases/999999/decisions", {"action": "clear", "reason": "fine fine"}, 404, ""),
        (f"/api/v1/cases/{top}/decisions/77/review", {"approve": True}, 404, "decision"),
        (f"/api/v1/cases/{top}/appeals", {"text": "it is me, really"}, 409, "appeal"),
        (
            "/api/v1/reports",
            {"reporter": "m001", "reported": "nobody", "reason": "spam"},
            422,
            "reported",
        ),
        (
            "/api/v1/reports",
            {"reporter": "m001", "reported": "fa1", "reason": "boredom"},
            422,
            "reason",
        ),
        (
            "/api/v1/reports",
            {"reporter": "m001", "reported": "fa1", "reason": "spam", "invitation_id": "fb1-i0"},
            422,
            "invitation",
        ),
    ]
    for url, body, code, word in bad:
        r = client.post(url, json=body, headers=basic("lena"))
        assert r.status_code == code, (url, body, r.text)
        assert word in r.text
    r = client.post(
        f"/api/v1/cases/{top}/decisions",
        content=b"{not json",
        headers=basic("lena") | {"content-type": "application/json"},
    )
    assert r.status_code == 422
    assert client.get("/api/v1/cases?sort=random", headers=basic("lena")).status_code == 422
    assert client.get("/console/cases/999999", follow_redirects=False).status_code == 303


def _login(client: TestClient, name: str) -> str:
    page = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    r = client.post(
        "/login",
        data={"name": name, "password": PASSWORD, "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert r.status_code == 303
    queue = client.get("/console/queue").text
    found = re.search(r'name="csrf_token" value="([^"]+)"', queue)
    assert found
    return found.group(1)


def test_csrf(client: TestClient) -> None:
    top = _top(client)
    r = client.post("/login", data={"name": "lena", "password": PASSWORD, "csrf_token": "x"})
    assert r.status_code == 401 and "expired" in r.text  # login form needs its own token
    csrf = _login(client, "lena")
    form = {"action": "escalate", "reason": "needs a lead's eye"}
    r = client.post(f"/console/cases/{top}/decide", data=form, follow_redirects=False)
    assert r.status_code == 403 and "CSRF" in r.json()["detail"]
    r = client.post(f"/console/cases/{top}/decide", data=form | {"csrf_token": "wrong"})
    assert r.status_code == 403
    api = {"action": "escalate", "reason": "needs a lead's eye"}
    r = client.post(f"/api/v1/cases/{top}/decisions", json=api)
    assert r.status_code == 403  # the session cookie alone does not authorise an API call
    r = client.post(f"/api/v1/cases/{top}/decisions", json=api, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201 and r.json()["status"] == "applied"
    r = client.post(
        f"/console/cases/{top}/appeal",
        data={"csrf_token": csrf, "text": "x"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and "error=" in r.headers["location"]


def test_reports_weigh_reporters_and_bursts(client: TestClient, store: Store) -> None:
    from datetime import UTC, datetime, timedelta

    from unmask.ingest.validate import content_hash
    from unmask.model.records import Account
    from unmask.store import record_row

    now = datetime.now(UTC)
    fresh = [
        Account(id=f"new{k}", name=f"New {k}", created_at=now - timedelta(days=2)) for k in range(4)
    ]
    with store.engine.begin() as conn:
        store.insert_rows(conn, "account", [record_row(a, content_hash(a), now) for a in fresh])
    svc = basic("svc")
    ok = client.post(
        "/api/v1/reports",
        headers=svc,
        json={
            "reporter": "m005",
            "reported": "fa1",
            "reason": "suspicious_approach",
            "text": "asked about my programme",
            "invitation_id": "fa1-i5",
        },
    )
    assert ok.status_code == 201 and ok.json()["burst"] == []
    victim = "m010"
    for k in range(4):
        r = client.post(
            "/api/v1/reports",
            headers=svc,
            json={"reporter": f"new{k}", "reported": victim, "reason": "fake_profile"},
        )
        assert r.status_code == 201
    assert r.json()["burst"] == ["new0", "new1", "new2", "new3"]
    cases = client.get("/api/v1/cases?limit=50", headers=basic("lena")).json()["items"]
    by = {c["subject"]: c for c in cases}
    assert by[victim]["report_score"] == 0 and "Burst" in by[victim]["note"]
    assert {f"new{k}" for k in range(4)} <= set(by)
    assert by["new0"]["source"] == "report_burst" and by["new0"]["campaign"]
    assert by["fa1"]["report_score"] > 0.1
