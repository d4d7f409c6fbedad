"""The member API: coarse public answers, rate limits, the range endpoint, reports, alerts and
the organisation view behind the partner role."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.member.world import PERSONA_MESSAGES, genuine_json, persona_json

from unmask.api import create_app
from unmask.auth import create_token, create_user
from unmask.auth.member_tokens import issue, member_secret
from unmask.org.repo import create_org, link_user
from unmask.store import Store
from unmask.takeover.persist import scan_logins

_NUMBER = re.compile(r"\d\.\d|\b(score|weight|probability|contribution)\b", re.IGNORECASE)


@pytest.fixture
def client(world_store: Store) -> TestClient:
    world_store.settings = world_store.settings.model_copy(update={"check_limit": "5/3600"})
    return TestClient(create_app(world_store))


def _auth(store: Store, name: str, role: str) -> tuple[dict[str, str], int]:
    user, _ = create_user(store, name, role)
    return {"Authorization": f"Bearer {create_token(store, user)}"}, user.id


def _member_token(store: Store, member: str) -> str:
    return issue(member_secret(store.settings), member)


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _leaves(v)]
    if isinstance(value, list):
        return [s for v in value for s in _leaves(v)]
    return [value]


def test_check_answer_is_coarse(client: TestClient) -> None:
    high = client.post(
        "/api/v1/check", json={"profile": persona_json(), "messages": list(PERSONA_MESSAGES)}
    )
    low = client.post("/api/v1/check", json={"profile": genuine_json()})
    for res in (high, low):
        assert res.status_code == 200
        body = res.json()
        assert set(body) == {"risk", "reasons", "advice", "questions"}
        assert body["risk"] in ("low", "medium", "high")
        assert not any(isinstance(v, int | float) for v in _leaves(body))
        assert not _NUMBER.search(json.dumps(body)), "no scores or weights in any response"
    assert high.json()["risk"] == "high"
    assert low.json()["risk"] == "low" and low.json()["reasons"] == []


def test_checks_are_rate_limited_per_client(client: TestClient) -> None:
    body = {"profile": genuine_json()}
    codes = [client.post("/api/v1/check", json=body).status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    res = client.post("/api/v1/check", json=body)
    assert int(res.headers["Retry-After"]) > 0
    other = TestClient(client.app, client=("203.0.113.9", 5000))
    assert other.post("/api/v1/check", json=body).status_code == 200


def test_bad_input_is_explained(client: TestClient) -> None:
    res = client.post(
        "/api/v1/check", json={"profile": {"id": "x", "name": "x", "created_at": "yesterday"}}
    )
    assert res.status_code == 422
    assert client.post("/api/v1/check", json={"profile_id": "nobody"}).status_code == 422
    res = client.post("/api/v1/check", json={"profile": genuine_json(), "photo": "%%%"})
    assert res.status_code == 422 and "base64" in res.json()["detail"]


def test_range_endpoint_refuses_anything_but_a_prefix(client: TestClient) -> None:
    ok = client.get("/api/v1/passwords/range/5BAA6")
    assert ok.status_code == 200
    lines = ok.text.split("\n")
    assert len(lines) % 128 == 0
    assert "1E4C9B93F3F0682250B6CF8331B7EE68FD8:0:1" in lines  # "password" is common
    full = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8"
    for bad in (full, full[:6], "5baa", "zzzzz"):
        assert client.get(f"/api/v1/passwords/range/{bad}").status_code in (404, 422)


def test_member_report_reaches_the_records_the_console_reads(
    client: TestClient, world_store: Store
) -> None:
    token = _member_token(world_store, "member-9")
    res = client.post(
        "/api/v1/member/reports", json={"reported": "persona-1"}, headers={"X-Member-Token": token}
    )
    assert res.status_code == 202 and res.json() == {"status": "received", "verified": True}
    headers, _ = _auth(world_store, "analyst-1", "analyst")
    items = client.get("/api/v1/records/reports", headers=headers).json()["items"]
    assert [(r["reporter"], r["reported"]) for r in items] == [("member-9", "persona-1")]
    bad = client.post(
        "/api/v1/member/reports", json={"reported": "persona-1"}, headers={"X-Member-Token": "x"}
    )
    assert bad.status_code == 401


def test_alerts_need_the_service_role(client: TestClient, world_store: Store) -> None:
    scan_logins(world_store)
    assert client.get("/api/v1/member/alerts/staff-3").status_code == 401
    headers, _ = _auth(world_store, "notifier", "service")
    alerts = client.get("/api/v1/member/alerts/staff-3", headers=headers).json()["alerts"]
    assert len(alerts) == 1 and "fingerprint" not in alerts[0]
    ack = client.post(f"/api/v1/member/alerts/{alerts[0]['id']}/ack", headers=headers)
    assert ack.json()["acknowledged"] is True


def test_org_view_for_partners(client: TestClient, world_store: Store) -> None:
    headers, uid = _auth(world_store, "sec-team", "partner")
    assert client.get("/api/v1/org/overview", headers=headers).status_code == 403
    link_user(world_store, create_org(world_store, "Northwind Defence"), uid)
    res = client.post("/api/v1/org/staff", headers=headers, json={"identifiers": ["staff-0"]})
    assert res.json() == {"enrolled": 1}
    client.post(
        "/api/v1/member/reports",
        json={"reported": "persona-1"},
        headers={"X-Member-Token": _member_token(world_store, "staff-0")},
    )
    view = client.get("/api/v1/org/overview", headers=headers).json()
    assert [a["staff"] for a in view["approaches"]] == ["staff-0"]
    assert sum(view["reports_by_month"].values()) == 1
    html = client.get("/api/v1/org/report.html", headers=headers)
    assert html.status_code == 200 and "<svg" in html.text
    analyst, _ = _auth(world_store, "analyst-2", "analyst")
    assert client.get("/api/v1/org/overview", headers=analyst).status_code == 403
