"""The API: public health and schema, records behind authentication with roles."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from unmask.api import create_app
from unmask.auth import create_token, create_user
from unmask.detectors.conformance import conformance_snapshot
from unmask.engine import run_scan
from unmask.formats import write_records
from unmask.ingest import ingest
from unmask.scoring import load_policy
from unmask.store import Store


@pytest.fixture
def client(sqlite_store: Store, tmp_path: Path) -> TestClient:
    snap = conformance_snapshot()
    write_records(tmp_path / "accounts.jsonl", "account", snap.accounts.values())
    write_records(tmp_path / "invitations.jsonl", "invitation", snap.invitations)
    ingest(sqlite_store, [tmp_path])
    run_scan(sqlite_store, load_policy())
    return TestClient(create_app(sqlite_store))


def _token(store: Store, role: str) -> dict[str, str]:
    user, _ = create_user(store, f"user-{role}", role)
    return {"Authorization": f"Bearer {create_token(store, user)}"}


def test_health_and_schema_are_public(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"
    schema = client.get("/openapi.json").json()
    assert "/api/v1/records/{kind}" in schema["paths"]


def test_records_need_authentication(client: TestClient) -> None:
    response = client.get("/api/v1/records/accounts")
    assert response.status_code == 401
    assert "WWW-Authenticate" in response.headers
    bad = client.get("/api/v1/records/accounts", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401


def test_token_and_basic_auth(client: TestClient, sqlite_store: Store) -> None:
    page = client.get("/api/v1/records/accounts?limit=2", headers=_token(sqlite_store, "analyst"))
    assert page.status_code == 200
    body = page.json()
    assert body["total"] == 4 and len(body["items"]) == 2 and body["next_after"]
    rest = client.get(
        f"/api/v1/records/accounts?after={body['next_after']}",
        headers=_token(sqlite_store, "auditor"),
    )
    assert len(rest.json()["items"]) == 2
    create_user(sqlite_store, "basic", "lead", "correct horse battery")
    creds = base64.b64encode(b"basic:correct horse battery").decode()
    one = client.get("/api/v1/records/accounts/full", headers={"Authorization": f"Basic {creds}"})
    assert one.status_code == 200 and one.json()["name"] == "Ada Example"
    wrong = base64.b64encode(b"basic:wrong password!").decode()
    assert (
        client.get(
            "/api/v1/records/accounts/full", headers={"Authorization": f"Basic {wrong}"}
        ).status_code
        == 401
    )


def test_roles_are_least_privilege(client: TestClient, sqlite_store: Store) -> None:
    response = client.get("/api/v1/records/accounts", headers=_token(sqlite_store, "partner"))
    assert response.status_code == 403
    assert "role 'partner'" in response.json()["detail"]


def test_invalid_input_is_a_clear_4xx(client: TestClient, sqlite_store: Store) -> None:
    headers = _token(sqlite_store, "analyst")
    too_many = client.get("/api/v1/records/accounts?limit=100000", headers=headers)
    assert too_many.status_code == 422
    assert too_many.json()["problems"][0]["field"] == "query.limit"
    unknown = client.get("/api/v1/records/widgets", headers=headers)
    assert unknown.status_code == 404 and "unknown record type" in unknown.json()["detail"]
    missing = client.get("/api/v1/records/accounts/ghost", headers=headers)
    assert missing.status_code == 404
    route = client.get("/api/v1/assessments?route=bogus", headers=headers)
    assert route.status_code == 422


def test_assessments_and_findings(client: TestClient, sqlite_store: Store) -> None:
    headers = _token(sqlite_store, "analyst")
    items = client.get("/api/v1/assessments", headers=headers).json()["items"]
    assert [i["risk"] for i in items] == sorted((i["risk"] for i in items), reverse=True)
    top = items[0]["subject"]
    findings = client.get(f"/api/v1/accounts/{top}/findings", headers=headers).json()
    assert {f["detector"] for f in findings["findings"]} >= {"sparse_profile", "shared_photo"}
