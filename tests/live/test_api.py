"""The /api/v1/live endpoints: valid and invalid events, authentication, idempotence, listing,
outcomes and the nightly overturn."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select

from unmask.api import create_app
from unmask.auth import create_token, create_user
from unmask.live.windows import MemoryWindows
from unmask.store import Store
from unmask.store.live_schema import live_decisions
from unmask.store.schema import assessments, scans
from unmask.workers.decisions import reconcile
from unmask.workers.service import LiveService, _LockedWindows

SIGNUP = {
    "id": "new1",
    "created_at": "2026-03-02T09:00:00Z",
    "name": "Dana Newcomer",
    "registration": {"ip": "203.0.113.7", "email_domain": "mail.example"},
}
INVITE = {
    "id": "i1",
    "sender": "m000004",
    "recipient": "m000005",
    "sent_at": "2026-03-02T09:00:00Z",
}
MESSAGE = {
    "id": "msg1",
    "sender": "m000004",
    "recipient": "m000005",
    "sent_at": "2026-03-02T09:01:00Z",
    "body": "Nice to connect. Shall we continue on WhatsApp? My number is below.",
}
VIEW = {"id": "v1", "viewed": "m000005", "at": "2026-03-02T09:02:00Z", "ip": "192.0.2.4"}
PATHS = {
    "signups": SIGNUP,
    "invitations": INVITE,
    "messages": MESSAGE,
    "profile-views": VIEW,
}


def _headers(store: Store, role: str) -> dict[str, str]:
    user, _ = create_user(store, f"live-{role}", role)
    return {"Authorization": f"Bearer {create_token(store, user)}"}


@pytest.fixture
def api(world_store: Store) -> tuple[TestClient, dict[str, str]]:
    app = create_app(world_store)
    app.state.live_service = LiveService(world_store, _LockedWindows(MemoryWindows()), detectors=[])
    return TestClient(app), _headers(world_store, "service")


def _count(store: Store) -> int:
    with store.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(live_decisions)).scalar_one())


def test_endpoints_are_documented_and_need_the_service_role(
    api: tuple[TestClient, dict[str, str]], world_store: Store
) -> None:
    client, _ = api
    paths = client.get("/openapi.json").json()["paths"]
    for name in (*PATHS, "decisions"):
        assert f"/api/v1/live/{name}" in paths
    assert "422" in paths["/api/v1/live/signups"]["post"]["responses"]
    assert client.post("/api/v1/live/signups", json=SIGNUP).status_code == 401
    analyst = _headers(world_store, "analyst")
    assert client.post("/api/v1/live/signups", json=SIGNUP, headers=analyst).status_code == 403
    assert _count(world_store) == 0


@pytest.mark.parametrize(
    ("path", "expected"),
    [("signups", "allow"), ("invitations", "deliver"), ("messages", "warn_recipient"),
     ("profile-views", "allow")],
)  # fmt: skip
def test_valid_events_get_a_decision_once(
    api: tuple[TestClient, dict[str, str]], world_store: Store, path: str, expected: str
) -> None:
    client, headers = api
    first = client.post(f"/api/v1/live/{path}", json=PATHS[path], headers=headers)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["decision"] == expected and body["duplicate"] is False
    assert body["policy_version"] and isinstance(body["reasons"], list)
    if expected == "warn_recipient":
        assert body["recipient_warning"] and "another app" in body["recipient_warning"]
    again = client.post(f"/api/v1/live/{path}", json=PATHS[path], headers=headers).json()
    assert again["duplicate"] is True and again["decision"] == expected
    assert again["features"] == body["features"], "a repeated event counts once"
    assert _count(world_store) == 1


def _bad_cases() -> list[tuple[str, Any, str]]:
    return [
        ("signups", {k: v for k, v in SIGNUP.items() if k != "name"}, "name"),
        ("signups", {**SIGNUP, "created_at": "yesterday"}, "created_at"),
        ("signups", {**SIGNUP, "favourite_colour": "blue"}, "favourite_colour"),
        ("signups", {**SIGNUP, "registration": {"country": "GBR"}}, "registration.country"),
        ("invitations", {**INVITE, "status": "maybe"}, "status"),
        (
            "invitations",
            {**INVITE, "status": "accepted", "responded_at": "2026-01-01T00:00:00Z"},
            "",
        ),
        ("messages", {k: v for k, v in MESSAGE.items() if k != "body"}, "body"),
        ("messages", {**MESSAGE, "sender": ""}, "sender"),
        ("profile-views", {**VIEW, "source": "telepathy"}, "source"),
        ("profile-views", [VIEW], ""),
    ]


def test_malformed_events_are_422_with_the_field_and_write_nothing(
    api: tuple[TestClient, dict[str, str]], world_store: Store
) -> None:
    client, headers = api
    for path, payload, field in _bad_cases():
        response = client.post(f"/api/v1/live/{path}", json=payload, headers=headers)
        assert response.status_code == 422, (path, response.text)
        problems = response.json()["problems"]
        assert problems and all(p["message"] for p in problems)
        if field:
            assert any(field in p["field"] for p in problems), (path, problems)
    assert _count(world_store) == 0
    # nothing was half-written to the windows either: the next valid events count from 1
    for path, payload in PATHS.items():
        ok = client.post(f"/api/v1/live/{path}", json=payload, headers=headers).json()
        assert all(v <= 1 for k, v in ok["features"].items() if k.endswith(("_hour", "_day")))


def test_not_json_is_422_not_500(api: tuple[TestClient, dict[str, str]]) -> None:
    client, headers = api
    bad = client.post(
        "/api/v1/live/messages",
        content=b"{not json",
        headers={**headers, "Content-Type": "application/json"},
    )
    assert bad.status_code == 422 and bad.json()["problems"]


def test_outcomes_listing_and_overturn(
    api: tuple[TestClient, dict[str, str]], world_store: Store
) -> None:
    client, headers = api
    client.post("/api/v1/live/invitations", json=INVITE, headers=headers)
    accepted = {**INVITE, "status": "accepted", "responded_at": "2026-03-02T10:00:00Z"}
    rec = client.post("/api/v1/live/invitations", json=accepted, headers=headers).json()
    assert rec["decision"] == "recorded"
    client.post("/api/v1/live/signups", json=SIGNUP, headers=headers)
    now = datetime.now(UTC)
    with world_store.engine.begin() as conn:
        scan = conn.execute(
            insert(scans).values(
                started_at=now, finished_at=now, engine="python", policy_version="p",
                detectors=[], status="done",
            )
        ).inserted_primary_key[0]  # type: ignore[index]  # fmt: skip
        conn.execute(
            insert(assessments),
            [
                {"scan_id": scan, "subject": "new1", "subject_kind": "account", "risk": 0.8,
                 "route": "review", "policy_version": "p"},
                {"scan_id": scan, "subject": "m000004", "subject_kind": "account", "risk": 0.1,
                 "route": "none", "policy_version": "p"},
            ],
        )  # fmt: skip
    assert reconcile(world_store, ("review", "auto_restrict")) == 1
    assert reconcile(world_store, ("review", "auto_restrict")) == 0, "overturned once"
    reader = _headers(world_store, "analyst")
    page = client.get("/api/v1/live/decisions", headers=reader).json()
    assert page["total"] == 3
    by_event = {i["event"]: i for i in page["items"]}
    assert by_event["invitation:i1:pending"]["outcome"] == "accepted"
    assert by_event["signup:new1"]["overturned_route"] == "review"
    flipped = client.get("/api/v1/live/decisions?overturned=true", headers=reader).json()
    assert [i["event"] for i in flipped["items"]] == ["signup:new1"]
    assert client.get("/api/v1/live/decisions").status_code == 401
