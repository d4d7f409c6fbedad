"""Sign-in throttling per account and per peer, on the console form and on HTTP Basic: a guessing
run locks the account, and then even the right password waits."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.console.conftest import PASSWORD

from unmask.api import create_app
from unmask.auth.throttle import Limits, LoginThrottle
from unmask.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_lock_grows_and_a_success_clears_the_account() -> None:
    clock = Clock()
    t = LoginThrottle(clock=clock)
    for _ in range(5):
        t.failed("alice", "10.0.0.1")
    assert t.retry_after("alice", "10.0.0.2") == 0  # five failures are free
    t.failed("alice", "10.0.0.1")
    assert t.retry_after("Alice", "10.0.0.2") == pytest.approx(30)  # names are case-blind
    clock.now += 31
    t.failed("alice", "10.0.0.1")
    assert t.retry_after("alice", "10.0.0.3") == pytest.approx(60)  # doubles
    t.succeeded("alice")
    assert t.retry_after("alice", "10.0.0.3") == 0


def test_one_peer_guessing_many_accounts_is_locked() -> None:
    t = LoginThrottle(clock=Clock())
    for i in range(21):
        t.failed(f"user{i}", "10.9.9.9")
    assert t.retry_after("somebody-else", "10.9.9.9") > 0
    assert t.retry_after("somebody-else", "10.1.1.1") == 0


def test_bad_api_tokens_lock_only_their_peer() -> None:
    t = LoginThrottle(clock=Clock())
    for _ in range(25):
        t.failed(None, "10.6.6.6")
    assert t.retry_after(None, "10.6.6.6") > 0
    assert t.retry_after(None, "10.1.1.1") == 0
    assert t.retry_after("alice", "10.1.1.1") == 0


def test_memory_is_bounded() -> None:
    t = LoginThrottle(clock=Clock(), max_keys=100)
    for i in range(1000):
        t.failed(f"u{i}", f"p{i}")
    assert len(t._keys) <= 100


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    app = create_app(store)
    app.state.login_throttle = LoginThrottle(
        account=Limits(free=3, window=900, first_lock=600, max_lock=900)
    )
    with TestClient(app) as c:
        yield c


def _basic(name: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()}


def test_basic_auth_guessing_then_the_right_password_is_refused(client: TestClient) -> None:
    for _ in range(4):
        assert client.get("/api/v1/cases", headers=_basic("lena", "guess")).status_code == 401
    r = client.get("/api/v1/cases", headers=_basic("lena", PASSWORD))
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert client.get("/api/v1/cases", headers=_basic("alice", PASSWORD)).status_code == 200


def test_console_form_guessing_then_the_right_password_is_refused(client: TestClient) -> None:
    def attempt(password: str) -> str:
        page = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token
        r = client.post(
            "/login",
            data={"name": "lena", "password": password, "csrf_token": token.group(1)},
            follow_redirects=False,
        )
        return f"{r.status_code} {r.text}"

    for _ in range(4):
        assert attempt("guess").startswith("401")
    answer = attempt(PASSWORD)
    assert answer.startswith("429") and "Too many" in answer
