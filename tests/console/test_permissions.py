"""One authorisation table: the console's forms and pages refuse exactly what the API refuses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.console.conftest import PASSWORD, ROLES
from tests.console.test_console_api import _login

from unmask.api import create_app
from unmask.auth.permissions import GRANTS, allowed
from unmask.store import Store


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as c:
        yield c


def test_every_role_is_known_and_every_permission_names_known_roles() -> None:
    from unmask.auth import ROLES as KNOWN

    for roles in GRANTS.values():
        assert set(roles) <= set(KNOWN)


@pytest.mark.parametrize("name", ["alice", "aud", "lena"])
def test_console_audit_page_follows_the_api(client: TestClient, name: str) -> None:
    _login(client, name)
    role = ROLES[name]
    page = client.get("/console/audit")
    assert (page.status_code == 200) == allowed(role, "audit"), (role, page.status_code)
    assert ("/console/audit" in client.get("/console/queue").text) == allowed(role, "audit")


def test_auditor_cannot_reopen_a_case_through_the_console_form(
    client: TestClient, store: Store
) -> None:
    top = client.get("/api/v1/cases", auth=("lena", PASSWORD)).json()["items"][0]["id"]
    done = client.post(
        f"/api/v1/cases/{top}/decisions",
        json={"action": "restrict", "reason": "checked the photo and the employer"},
        auth=("lena", PASSWORD),
    )
    assert done.status_code == 201, done.text
    api = client.post(
        f"/api/v1/cases/{top}/appeals", json={"text": "it is me, really"}, auth=("aud", PASSWORD)
    )
    assert api.status_code == 403
    csrf = _login(client, "aud")
    form = client.post(
        f"/console/cases/{top}/appeal",
        data={"text": "it is me, really", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert form.status_code == 303 and "error=" in form.headers["location"]
    case = client.get(f"/api/v1/cases/{top}", auth=("lena", PASSWORD)).json()
    assert case["status"] == "closed", "the auditor's form post changed nothing"
