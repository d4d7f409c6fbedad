"""``unmask audit verify`` names a broken row instead of a traceback, and, against a head saved
earlier (``unmask audit head``), catches a history rewritten with every later hash recomputed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text, update
from tests.console.test_audit_and_actions import _events
from typer.testing import CliRunner

from unmask.audit.log import head, iter_events, verify
from unmask.model.audit import Head, link_hash
from unmask.store import Store
from unmask.store.review_schema import audit_events


def test_a_row_with_a_broken_payload_is_named(sqlite_store: Store) -> None:
    _events(sqlite_store, 4)
    with sqlite_store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET payload = '{not json' WHERE seq = 2"))
    result = verify(sqlite_store)
    assert not result.ok and result.bad_seq == 2 and "not valid JSON" in result.problem


def _rewrite_history(store: Store, seq: int) -> None:
    """What an insider with database access would do: alter an event and re-hash the rest."""
    items = list(iter_events(store))
    prev = items[seq - 2].hash if seq > 1 else "0" * 64
    with store.engine.begin() as conn:
        for item in items[seq - 1 :]:
            event = item.event
            if event.seq == seq:
                event = type(event)(**{**event.__dict__, "reason": "nothing to see"})
                conn.execute(
                    update(audit_events)
                    .where(audit_events.c.seq == seq)
                    .values(reason="nothing to see")
                )
            digest = link_hash(prev, event)
            conn.execute(
                update(audit_events)
                .where(audit_events.c.seq == event.seq)
                .values(prev_hash=prev, hash=digest)
            )
            prev = digest


def test_a_rewritten_history_passes_alone_but_not_against_a_saved_head(
    sqlite_store: Store,
) -> None:
    _events(sqlite_store, 5)
    saved = head(sqlite_store)
    assert saved.seq == 5 and verify(sqlite_store, saved).ok
    _rewrite_history(sqlite_store, 2)
    assert verify(sqlite_store).ok, "the chain alone cannot see a full re-hash"
    result = verify(sqlite_store, saved)
    assert not result.ok and result.bad_seq == 5 and "rewritten" in result.problem


def test_events_cut_off_the_end_are_caught_by_the_saved_head(sqlite_store: Store) -> None:
    _events(sqlite_store, 5)
    saved = head(sqlite_store)
    with sqlite_store.engine.begin() as conn:
        conn.execute(audit_events.delete().where(audit_events.c.seq > 3))
    assert verify(sqlite_store).ok
    result = verify(sqlite_store, saved)
    assert not result.ok and "before the saved head 5" in result.problem


def test_head_text_round_trips_and_rejects_junk() -> None:
    h = Head(7, "a" * 64)
    assert Head.parse(str(h)) == h
    for junk in ("7", "x:" + "a" * 64, "7:" + "g" * 64, "7:abc"):
        with pytest.raises(ValueError):
            Head.parse(junk)


def test_cli_head_and_verify_against_it(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from unmask.cli.main import _register_commands, app

    _events(sqlite_store, 3)
    monkeypatch.setenv("UNMASK_DATABASE_URL", sqlite_store.url)
    _register_commands()
    runner = CliRunner()
    printed = runner.invoke(app, ["audit", "head"])
    assert printed.exit_code == 0
    saved = tmp_path / "head.txt"
    saved.write_text(printed.output)
    ok = runner.invoke(app, ["audit", "verify", "--head", f"@{saved}"])
    assert ok.exit_code == 0 and "passes through" in ok.output
    assert printed.output.strip() in ok.output.replace("\n", "")
    _rewrite_history(sqlite_store, 1)
    bad = runner.invoke(app, ["audit", "verify", "--head", f"@{saved}"])
    assert bad.exit_code == 1 and "rewritten" in bad.output.replace("\n", " ")
    junk = runner.invoke(app, ["audit", "verify", "--head", "nope"])
    assert junk.exit_code == 2 and "saved head" in junk.output
    with sqlite_store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET payload = '[1, 2' WHERE seq = 2"))
    broken = runner.invoke(app, ["audit", "verify"])
    said = broken.output.replace("\n", " ")
    assert broken.exit_code == 1 and "event 2" in said and "JSON" in said
