"""The public member endpoints probed as a hostile service would (issue 12): id enumeration,
the platform's verdict without logging in, forged reporters, anonymous reports opening cases,
threshold probing through reasons, header rotation and decompression bombs."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.member.world import PERSONA_MESSAGES, T0, genuine_json, persona_json

from unmask.api import create_app
from unmask.api.member.ratelimit import Limit, RateLimiter, client_key
from unmask.auth import create_token, create_user
from unmask.auth.member_tokens import issue, member_secret
from unmask.cases.desk import make_desk
from unmask.cases.service import decide
from unmask.cases.sync import sync_cases
from unmask.checker.redaction import redact
from unmask.engine import run_scan
from unmask.model import Evidence, Finding
from unmask.scoring import load_policy
from unmask.store import Store
from unmask.store.schema import RECORD_TABLES


def configure(store: Store, **settings: str) -> None:
    """The settings the application reads at start-up (``UNMASK_CHECK_LIMIT`` ...)."""
    store.settings = store.settings.model_copy(update=settings)


@pytest.fixture
def client(world_store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    configure(world_store, check_limit="1000/3600")
    with TestClient(create_app(world_store)) as c:
        yield c


@pytest.fixture
def scanned(world_store: Store) -> Store:
    """The world scanned (the personas share a photo) with its review queue synced."""
    run_scan(world_store, load_policy(), ["shared_photo", "sparse_profile"])
    sync_cases(make_desk(world_store))
    return world_store


def _bearer(store: Store, name: str, role: str) -> dict[str, str]:
    user, _ = create_user(store, name, role)
    return {"Authorization": f"Bearer {create_token(store, user)}"}


def _token(store: Store, member: str, **kw: Any) -> dict[str, str]:
    return {"X-Member-Token": issue(member_secret(store.settings), member, **kw)}


def _reports(store: Store) -> list[tuple[str, str]]:
    table = RECORD_TABLES["report"]
    with store.connect() as conn:
        return [(r.reporter, r.reported) for r in conn.execute(table.select())]


def _cases(store: Store, subject: str) -> Any:
    with store.unit_of_work() as uow:
        return uow.cases.latest_for([subject]).get(subject)


# -- the checker answers only from what the caller sent ----------------------------------------
def test_public_check_refuses_ids_alike(scanned: Store, client: TestClient) -> None:
    answers = [
        client.post("/api/v1/check", json={"profile_id": pid})
        for pid in ("persona-1", "eng-1", "no-such-account", "x" * 200)
    ]
    assert {a.status_code for a in answers} == {422}
    assert len({a.text for a in answers}) == 1


def test_known_and_unknown_ids_give_the_same_answer(scanned: Store, client: TestClient) -> None:
    """Typing a stored persona's id (whose scan flagged it) changes nothing."""
    typed = {"name": "Helen Marsh", "headline": "Talent Partner", "employer": "Acme Analytics"}
    bodies = [
        client.post(
            "/api/v1/check", json={"profile": {**typed, "id": pid}, "messages": ["Hello."]}
        ).json()
        for pid in ("persona-1", "persona-2", "never-seen-9")
    ]
    assert bodies[0] == bodies[1] == bodies[2]
    assert "profile_id" not in bodies[0]
    exposure = [
        client.post("/api/v1/exposure", json={"profile": {**typed, "id": pid}}).json()
        for pid in ("eng-1", "never-seen-9")
    ]
    assert exposure[0] == exposure[1]
    flagged = client.post("/api/v1/platform/check", json={"profile_id": "persona-1"})
    assert flagged.status_code == 401  # the platform's verdict needs a login


def test_platform_verdict_needs_login_and_review_supersedes(
    scanned: Store, client: TestClient
) -> None:
    headers = _bearer(scanned, "notifier", "service")
    res = client.post("/api/v1/platform/check", json={"profile_id": "persona-1"}, headers=headers)
    assert res.status_code == 200
    assert res.json()["risk"] == "high" and res.json()["review"]["status"] == "open"
    assert "this photo appears on other accounts" in res.json()["reasons"]
    missing = client.post("/api/v1/platform/check", json={"profile_id": "nobody"}, headers=headers)
    assert missing.status_code == 404
    analyst = _bearer(scanned, "ana", "analyst")
    assert (
        client.post(
            "/api/v1/platform/check", json={"profile_id": "persona-1"}, headers=analyst
        ).status_code
        == 200
    )
    partner = _bearer(scanned, "sec", "partner")
    assert (
        client.post(
            "/api/v1/platform/check", json={"profile_id": "persona-1"}, headers=partner
        ).status_code
        == 403
    )
    lead, _ = create_user(scanned, "lead-1", "lead")
    case = _cases(scanned, "persona-1")
    assert decide(make_desk(scanned), case.id, lead, "clear", "a real recruiter", "account")
    after = client.post(
        "/api/v1/platform/check", json={"profile_id": "persona-1"}, headers=headers
    ).json()
    assert after["review"] == {"status": "closed", "outcome": "cleared"}
    assert after["risk"] != "high"


# -- reports need a verified member identity ---------------------------------------------------
def test_anonymous_reports_open_no_case(world_store: Store, client: TestClient) -> None:
    for _ in range(3):
        res = client.post(
            "/api/v1/member/reports",
            json={"reporter": "member-9", "reported": "eng-1", "text": "fake!"},
        )
        assert res.status_code == 202
        assert res.json() == {"status": "received", "verified": False}
    assert _cases(world_store, "eng-1") is None
    assert _reports(world_store) == []  # nobody's record was written or borrowed
    assert world_store.triage.count("eng-1") == 3
    assert {i.verified_reporter for i in world_store.triage.items("eng-1")} == {None}


def test_forged_reporter_does_not_borrow_reputation(world_store: Store, client: TestClient) -> None:
    """A reliable reporter's id typed by someone else counts for nothing; a token signed with
    another secret, an expired token or a body naming someone else do not change the reporter."""
    client.post("/api/v1/member/reports", json={"reporter": "member-9", "reported": "persona-2"})
    assert _reports(world_store) == [] and _cases(world_store, "persona-2") is None
    forged = {"X-Member-Token": issue(b"guessed-secret", "member-9")}
    expired = _token(world_store, "member-9", ttl=1, now=T0.timestamp())
    for headers in (forged, expired, {"X-Member-Token": "mt1.e30.AAAA"}):
        res = client.post("/api/v1/member/reports", json={"reported": "persona-2"}, headers=headers)
        assert res.status_code == 401
    res = client.post(
        "/api/v1/member/reports",
        json={"reporter": "member-9", "reported": "persona-2"},
        headers=_token(world_store, "staff-1"),
    )
    assert res.json() == {"status": "received", "verified": True}
    assert _reports(world_store) == [("staff-1", "persona-2")]
    analyst = _bearer(world_store, "ana", "analyst")
    res = client.post(
        "/api/v1/member/reports",
        json={"reporter": "member-9", "reported": "persona-2"},
        headers=analyst,
    )
    assert res.status_code == 403  # only the platform's service acts for a member
    service = _bearer(world_store, "platform", "service")
    res = client.post(
        "/api/v1/member/reports",
        json={"reporter": "member-9", "reported": "persona-2"},
        headers=service,
    )
    assert res.status_code == 201 and res.json()["verified"] is True
    assert ("member-9", "persona-2") in _reports(world_store)


def test_member_reports_do_not_reveal_which_accounts_exist(
    world_store: Store, client: TestClient
) -> None:
    headers = _token(world_store, "member-9")
    known = client.post("/api/v1/member/reports", json={"reported": "persona-1"}, headers=headers)
    unknown = client.post("/api/v1/member/reports", json={"reported": "ghost-7"}, headers=headers)
    anon = [
        client.post("/api/v1/member/reports", json={"reported": r}) for r in ("persona-1", "zz")
    ]
    assert (known.status_code, known.text) == (unknown.status_code, unknown.text)
    assert (anon[0].status_code, anon[0].text) == (anon[1].status_code, anon[1].text)
    assert [i.verified_reporter for i in world_store.triage.items("ghost-7")] == ["member-9"]


# -- threshold probing -------------------------------------------------------------------------
def test_reasons_do_not_reveal_detector_scores() -> None:
    """A rule's reason shows whatever its score; a learned detector's never does."""
    sweep = (0.01, 0.05, 0.09, 0.1, 0.11, 0.3, 0.5, 0.79, 0.8, 0.95)

    def rule(s: float) -> Finding:
        ev = Evidence("account is 3 days old", 1.0, "nothing on it is verified")
        return Finding("sparse_profile", "1", "x", s, (ev,))

    def learned(s: float) -> Finding:
        ev = Evidence("model", s, "the career history does not add up")
        return Finding("profile_model", "1", "x", s, (ev,))

    seen = {redact(0.7, [rule(a), learned(b)]).reasons for a in sweep for b in sweep}
    assert seen == {("nothing on it is verified",)}
    assert {redact(0.2, [rule(a)]).reasons for a in sweep} == {()}  # low: no reasons at all


def test_small_perturbations_do_not_flip_reasons(client: TestClient) -> None:
    """Sweep what a prober controls without changing a visible fact the rules look at (wording,
    age of an old account): within one level the reasons never change."""
    by_level: dict[str, set[tuple[str, ...]]] = {}
    for base, messages in ((persona_json(), PERSONA_MESSAGES), (genuine_json(), ())):
        for days in (800, 1200, 2400):
            for about in ("Connecting policy minds.", "Curious about people and policy. " * 5):
                profile = {
                    **base,
                    "created_at": (T0 - timedelta(days=days)).isoformat(),
                    "about": about,
                }
                body = client.post(
                    "/api/v1/check", json={"profile": profile, "messages": list(messages)}
                ).json()
                by_level.setdefault(body["risk"], set()).add(tuple(body["reasons"]))
    assert len(by_level) >= 2, by_level
    for level, reasons in by_level.items():
        assert len(reasons) == 1, f"{level}: reasons moved with the probe: {reasons}"


# -- rate limits -------------------------------------------------------------------------------
def test_rotating_forwarded_for_stays_limited(
    world_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(world_store, check_limit="5/3600")
    c = TestClient(create_app(world_store), client=("198.51.100.20", 4000))
    body = {"profile": genuine_json()}
    codes = [
        c.post(
            "/api/v1/check", json=body, headers={"X-Forwarded-For": f"203.0.113.{i}"}
        ).status_code
        for i in range(12)
    ]
    assert codes[:5] == [200] * 5 and set(codes[5:]) == {429}


def test_rotation_through_a_real_server_on_loopback(
    world_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """uvicorn on its own trusts X-Forwarded-For from loopback; served as ``unmask serve`` does,
    the header changes nothing."""
    import httpx
    from tests.web_support import live_server

    configure(world_store, check_limit="3/3600")
    with live_server(world_store) as base:
        codes = [
            httpx.post(
                f"{base}/api/v1/check",
                json={"profile": genuine_json()},
                headers={"X-Forwarded-For": f"192.0.2.{i}"},
                timeout=30,
            ).status_code
            for i in range(6)
        ]
    assert codes == [200, 200, 200, 429, 429, 429]
    # behind a proxy listed with --forwarded-allow-ips, each forwarded client has its own bucket
    with live_server(world_store, forwarded="127.0.0.1") as base:
        proxied = [
            httpx.post(
                f"{base}/api/v1/check",
                json={"profile": genuine_json()},
                headers={"X-Forwarded-For": f"192.0.2.{i // 4}"},
                timeout=30,
            ).status_code
            for i in range(8)
        ]
    assert proxied == [200, 200, 200, 429] * 2


def test_buckets_expire_and_stay_bounded() -> None:
    limiter = RateLimiter({"check": Limit(2, 60.0)}, max_buckets=50)
    for i in range(500):
        limiter.allow(f"198.51.100.{i % 250}-{i}", "check", now=0.0)
        assert len(limiter) <= 50
    assert limiter.allow("203.0.113.1", "check", now=0.0) == 0.0
    limiter._sweep(now=61.0)
    assert len(limiter) == 0  # every bucket had refilled
    a = client_key("2001:db8::1", None, ())
    assert a == client_key("2001:db8::ffff:1", None, ()) == "2001:db8::/64"
    assert client_key("::ffff:198.51.100.4", None, ()) == "198.51.100.4"


def test_forwarded_for_is_honoured_only_from_trusted_proxies(
    world_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(world_store, check_limit="2/3600")
    configure(world_store, forwarded_allow_ips="10.0.0.0/8")
    proxy = TestClient(create_app(world_store), client=("10.1.2.3", 4000))
    body = {"profile": genuine_json()}

    def codes(xff: str) -> list[int]:
        return [
            proxy.post("/api/v1/check", json=body, headers={"X-Forwarded-For": xff}).status_code
            for _ in range(3)
        ]

    assert codes("203.0.113.7") == [200, 200, 429]
    # a client prepending addresses is still the right-most untrusted hop
    assert codes("1.2.3.4, 203.0.113.7") == [429] * 3
    assert codes("203.0.113.8, 10.9.9.9") == [200, 200, 429]


# -- decompression bombs -----------------------------------------------------------------------
def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side: int = 12_000) -> bytes:
    """A valid grey PNG of side x side pixels, all zero: ~140 KB that decode to 144 MB."""
    comp = zlib.compressobj(9)
    row = b"\0" * (side + 1)
    idat = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    head = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
    return head + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def test_image_bomb_is_refused_before_decoding(client: TestClient) -> None:
    import base64

    bomb = png_bomb()
    assert len(bomb) < 200_000
    photo = "data:image/png;base64," + base64.b64encode(bomb).decode()
    res = client.post("/api/v1/check", json={"profile": genuine_json(), "photo": photo})
    assert res.status_code == 413 and "pixels" in res.json()["detail"]


def test_oversized_bodies_are_refused(client: TestClient) -> None:
    big = "A" * (9 << 20)
    res = client.post(
        "/api/v1/check",
        content=b'{"profile": {"name": "x"}, "photo": "' + big.encode() + b'"}',
        headers={"Content-Type": "application/json"},
    )
    assert res.status_code == 413

    def chunks() -> Iterator[bytes]:
        yield b'{"reported": "persona-1", "text": "'
        for _ in range(200):
            yield b"x" * 1024
        yield b'"}'

    res = client.post(
        "/api/v1/member/reports", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert res.status_code == 413 and "larger than" in res.json()["detail"]
    small = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (64, 64), "white").save(small, "PNG")
    import base64

    ok = client.post(
        "/api/v1/check",
        json={"profile": genuine_json(), "photo": base64.b64encode(small.getvalue()).decode()},
    )
    assert ok.status_code == 200


def test_triage_is_bounded(world_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import unmask.store.triage as triage

    monkeypatch.setattr(triage, "MAX_ITEMS", 5)
    for i in range(12):
        world_store.triage.add(f"acct-{i}", "spam", "flood")
    assert world_store.triage.count() == 5
    assert [i.reported for i in world_store.triage.items()] == [
        f"acct-{i}" for i in range(11, 6, -1)
    ]


def test_photo_formats_are_limited_before_decoding(client: TestClient) -> None:
    import base64

    from PIL import Image

    tiff = io.BytesIO()
    Image.new("RGB", (8, 8)).save(tiff, "TIFF")
    photo = base64.b64encode(tiff.getvalue()).decode()
    res = client.post("/api/v1/check", json={"profile": genuine_json(), "photo": photo})
    assert res.status_code == 422 and "JPEG, PNG" in res.json()["detail"]


def test_platform_issues_member_tokens_and_analysts_read_triage(
    world_store: Store, client: TestClient
) -> None:
    assert client.post("/api/v1/member/tokens", json={"member": "member-9"}).status_code == 401
    analyst = _bearer(world_store, "ana", "analyst")
    assert (
        client.post("/api/v1/member/tokens", json={"member": "member-9"}, headers=analyst)
    ).status_code == 403
    service = _bearer(world_store, "platform", "service")
    issued = client.post(
        "/api/v1/member/tokens", json={"member": "member-9", "ttl": 600}, headers=service
    ).json()
    assert issued["member"] == "member-9" and issued["expires_in"] == 600
    res = client.post(
        "/api/v1/member/reports",
        json={"reported": "persona-1"},
        headers={"X-Member-Token": issued["token"]},
    )
    assert res.json() == {"status": "received", "verified": True}
    assert _reports(world_store) == [("member-9", "persona-1")]
    client.post("/api/v1/member/reports", json={"reported": "persona-2", "text": "odd"})
    assert client.get("/api/v1/member/triage").status_code == 401
    listed = client.get("/api/v1/member/triage", headers=analyst).json()
    assert listed["count"] == 1 and listed["items"][0]["reported"] == "persona-2"
    assert listed["items"][0]["verified_reporter"] is None


def test_cli_issues_member_tokens(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from unmask.auth.member_tokens import verify
    from unmask.cli.main import _register_commands, app
    from unmask.settings import load_settings

    monkeypatch.setenv("UNMASK_DATA_DIR", str(tmp_path))
    _register_commands()
    out = CliRunner().invoke(app, ["users", "member-token", "member-9", "--ttl", "60"])
    assert out.exit_code == 0, out.output
    secret = member_secret(load_settings(data_dir=tmp_path))
    assert verify(secret, out.output.strip()) == "member-9"
    bad = CliRunner().invoke(app, ["users", "member-token", "member-9", "--ttl", "0"])
    assert bad.exit_code != 0


def test_serve_refuses_a_bad_proxy_list(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from unmask.cli.main import _register_commands, app

    monkeypatch.setenv("UNMASK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("UNMASK_DATABASE_URL", raising=False)
    _register_commands()
    for bad in ("*", "10.0.0.0/8,proxy.example"):
        out = CliRunner().invoke(app, ["serve", "--forwarded-allow-ips", bad])
        assert out.exit_code != 0 and "--forwarded-allow-ips" in out.output
