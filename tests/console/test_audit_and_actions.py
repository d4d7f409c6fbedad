"""The audit chain detects tampering (and the CLI says where); actions through their twins."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from unmask.actions import InMemoryExecutor, WebhookChannel
from unmask.actions.notify import Notice
from unmask.audit import append, verify
from unmask.cases.priority import ReportIn, Track, find_burst, reliability, report_signal
from unmask.scoring import load_policy
from unmask.store import Store
from unmask.store.review_schema import audit_events


def _events(store: Store, n: int) -> None:
    with store.unit_of_work() as uow:
        for i in range(n):
            append(
                uow.audit,
                actor="ana",
                kind="decision.taken",
                reason=f"reason {i}",
                policy_version="p1",
                case_id=i,
                payload={"score": 0.5 + i / 100},
            )


@pytest.mark.parametrize(
    ("change", "seq", "problem"),
    [
        ({"reason": "rewritten"}, 3, "altered"),
        ({"payload": {"score": 0.99}}, 2, "altered"),
        ({"prev_hash": "f" * 64}, 4, "previous-hash"),
    ],
)
def test_tampering_is_named(
    sqlite_store: Store, change: dict[str, object], seq: int, problem: str
) -> None:
    _events(sqlite_store, 6)
    assert verify(sqlite_store).ok and verify(sqlite_store).checked == 6
    with sqlite_store.engine.begin() as conn:
        conn.execute(update(audit_events).where(audit_events.c.seq == seq).values(**change))
    result = verify(sqlite_store)
    assert not result.ok and result.bad_seq == seq and problem in result.problem


def test_deleted_event_is_a_gap(sqlite_store: Store) -> None:
    _events(sqlite_store, 5)
    with sqlite_store.engine.begin() as conn:
        conn.execute(audit_events.delete().where(audit_events.c.seq == 2))
    result = verify(sqlite_store)
    assert not result.ok and result.bad_seq == 3 and "missing" in result.problem


def test_cli_verify_and_export(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from unmask.cli.main import _register_commands, app

    _events(sqlite_store, 3)
    monkeypatch.setenv("UNMASK_DATABASE_URL", sqlite_store.url)
    _register_commands()
    runner = CliRunner()
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "intact: 3 events" in ok.output
    out = tmp_path / "audit.jsonl"
    assert runner.invoke(app, ["audit", "export", "--out", str(out)]).exit_code == 0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [e["seq"] for e in lines] == [1, 2, 3] and lines[1]["prev_hash"] == lines[0]["hash"]
    with sqlite_store.engine.begin() as conn:
        conn.execute(update(audit_events).where(audit_events.c.seq == 2).values(actor="eve"))
    bad = runner.invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1 and "event 2" in bad.output


def test_memory_executor_severs_and_restores() -> None:
    ex = InMemoryExecutor(
        connections={("a", "x"), ("b", "x"), ("a", "b")},
        pending={"i1": ("x", "c"), "i2": ("d", "e")},
    )
    severed = ex.sever("x")
    assert ex.connections == {("a", "b")} and set(ex.pending) == {"i2"}
    assert severed.invitations == ("i1",)
    ex.restore("x", severed)
    assert ("a", "x") in ex.connections


def test_webhook_channel_signs_and_raises() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204 if len(seen) == 1 else 500)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    channel = WebhookChannel("https://platform.example/notify", "s3cret", client)
    notice = Notice("m1", "fa1", "title", "body", 7)
    channel.send(notice)
    body = seen[0].content
    mac = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert seen[0].headers["x-unmask-signature"] == f"sha256={mac}"
    assert json.loads(body)["member"] == "m1"
    with pytest.raises(httpx.HTTPStatusError):
        channel.send(notice)


def test_reliability_and_bursts() -> None:
    review = load_policy().review
    assert reliability(Track(), review) == pytest.approx(0.05)
    assert reliability(Track(right=9), review) > 0.3
    now = datetime(2026, 1, 10, tzinfo=UTC)
    young = now - timedelta(days=3)
    burst = [ReportIn(f"n{k}", now + timedelta(hours=k), young) for k in range(3)]
    old = [ReportIn("veteran", now, now - timedelta(days=900))]
    assert find_burst(burst + old, review) == ("n0", "n1", "n2")
    spread = [ReportIn(f"n{k}", now + timedelta(days=3 * k), young) for k in range(3)]
    assert find_burst(spread, review) == ()
    signal = report_signal(burst + old, {"veteran": Track(right=4)}, review)
    assert signal.burst == ("n0", "n1", "n2") and signal.reporters == 1
    assert signal.score == pytest.approx(reliability(Track(right=4), review), abs=1e-4)
