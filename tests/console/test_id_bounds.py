"""Ids beyond 64 bits are a clear 422 on every route that takes one, never a 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.console.test_console_api import basic

from unmask.api import create_app
from unmask.store import Store

HUGE = 2**64 + 7


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("get", f"/api/v1/cases/{HUGE}", None),
        ("post", f"/api/v1/cases/{HUGE}/decisions", {"action": "clear", "reason": "fine fine"}),
        ("post", f"/api/v1/cases/{HUGE}/decisions/{HUGE}/review", {"approve": True}),
        ("post", f"/api/v1/cases/{HUGE}/appeals", {"text": "it is me, really"}),
        ("get", f"/api/v1/audit/events?case_id={HUGE}", None),
        ("get", f"/api/v1/cases/-{HUGE}", None),
    ],
)
def test_out_of_range_ids_are_422(client: TestClient, method: str, url: str, body: object) -> None:
    r = client.request(method, url, json=body, headers=basic("aud" if "audit" in url else "lena"))
    assert r.status_code == 422, (url, r.status_code, r.text[:200])


def test_console_case_page_with_a_huge_id_is_not_a_500(client: TestClient) -> None:
    r = client.get(f"/console/cases/{HUGE}", headers=basic("lena"), follow_redirects=False)
    assert r.status_code in (303, 401, 422), r.status_code
