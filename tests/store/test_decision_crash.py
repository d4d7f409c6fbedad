"""A decision is one unit of work: the process is killed (``os._exit`` at a failpoint, as a crash
would) after each step of a removal, in a real subprocess, and the store shows nothing of it; run
again without a crash, everything is applied together. Killed after the commit, the notices wait
in the outbox and are delivered later. On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.console import world

from unmask.actions import MemoryChannel, StoreExecutor
from unmask.actions.enforce import Effects, deliver
from unmask.audit import verify
from unmask.auth import create_user
from unmask.cases.service import Desk
from unmask.cases.sync import sync_cases
from unmask.engine import run_scan
from unmask.scoring import load_policy
from unmask.settings import Settings
from unmask.store import Store

STEPS = ("remove", "sever", "notify", "publish", "label", "closed")
SUBJECT = "fa3"  # removable by one lead: few connections, contacted members to notify

DECIDE = """
import sys
from pathlib import Path
from unmask.actions import MemoryChannel, StoreExecutor
from unmask.actions.enforce import Effects
from unmask.auth import get_user
from unmask.cases.service import Desk, decide
from unmask.scoring import load_policy
from unmask.settings import Settings
from unmask.store import Store

url, data, case_id = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
store = Store(url, Settings(data_dir=data, database_url=url))
desk = Desk(store, load_policy(), Effects(StoreExecutor(store), MemoryChannel()))
lena = get_user(store, "lena")
assert lena is not None
decide(desk, case_id, lena, "remove", "front firm persona", "account")
"""


@pytest.fixture(params=["sqlite", "postgres"])
def crash_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'unmask.db'}"
    else:
        url = request.getfixturevalue("pg_database")
    st = Store(url, Settings(data_dir=tmp_path, database_url=url))
    st.migrate()
    world.load(st)
    run_scan(st, load_policy(), ["sparse_profile", "shared_photo"])
    create_user(st, "lena", "lead", "correct-horse-battery")
    sync_cases(Desk(st, load_policy(), Effects(StoreExecutor(st), MemoryChannel())))
    try:
        yield st
    finally:
        st.close()


def _decide(store: Store, case_id: int, failpoint: str | None) -> int:
    env = dict(os.environ)
    env.pop("UNMASK_FAILPOINT", None)
    if failpoint:
        env["UNMASK_FAILPOINT"] = failpoint
    data = str(store.settings.data_dir)
    cmd = [sys.executable, "-c", DECIDE, store.url, data, str(case_id)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode in (0, 137), done.stderr
    return done.returncode


def _state(store: Store, case_id: int) -> dict[str, Any]:
    """Everything a removal touches."""
    with store.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        assert case is not None
        label = uow.records.get("label", f"{SUBJECT}|reviewer")
        return {
            "case": (case.status, case.outcome),
            "decisions": [(d.action, d.status) for d in uow.cases.decisions_of(case_id)],
            "actions": [a.kind for a in uow.enforcement.actions_of(case_id)],
            "state": uow.enforcement.state(SUBJECT),
            "notices": sorted((n.member, n.status) for n in uow.enforcement.notices(about=SUBJECT)),
            "connections": uow.records.connection_count(SUBJECT),
            "pending": len(uow.records.pending_invitations_of(SUBJECT)),
            "indicators": uow.records.count("indicator"),
            "label": label is not None,
            "events": len(uow.audit.events(limit=10_000)),
        }


def test_a_crash_at_any_step_leaves_nothing_half_applied(crash_store: Store) -> None:
    with crash_store.unit_of_work() as uow:
        case_id = uow.cases.latest_for([SUBJECT])[SUBJECT].id
    before = _state(crash_store, case_id)
    assert before["case"] == ("open", None) and before["connections"] > 0
    for step in STEPS:
        assert _decide(crash_store, case_id, f"enforce.{step}:1") == 137, step
        assert _state(crash_store, case_id) == before, f"half applied after {step}"
        assert verify(crash_store).ok
    # killed after the commit: everything applied, the notices still in the outbox
    assert _decide(crash_store, case_id, "decision.committed:1") == 137
    after = _state(crash_store, case_id)
    assert after["case"] == ("closed", "removed") and after["state"] == "removed"
    assert after["decisions"] == [("remove", "applied")]
    assert after["actions"] == ["remove", "sever", "notify", "publish"]
    assert after["connections"] == 0 and after["pending"] == 0 and after["label"]
    assert after["indicators"] > before["indicators"]
    assert after["events"] == before["events"] + 5  # the decision and its four actions
    assert after["notices"] and {s for _, s in after["notices"]} == {"queued"}
    channel = MemoryChannel()
    assert deliver(crash_store, channel) == (len(after["notices"]), 0)
    assert sorted(n.member for n in channel.sent) == [m for m, _ in after["notices"]]
    assert {s for _, s in _state(crash_store, case_id)["notices"]} == {"sent"}
    assert deliver(crash_store, channel) == (0, 0)  # delivered once
    assert verify(crash_store).ok


def test_an_uncrashed_decision_applies_and_delivers(crash_store: Store) -> None:
    with crash_store.unit_of_work() as uow:
        case_id = uow.cases.latest_for([SUBJECT])[SUBJECT].id
    assert _decide(crash_store, case_id, None) == 0
    after = _state(crash_store, case_id)
    assert after["case"] == ("closed", "removed")
    assert after["notices"] and {s for _, s in after["notices"]} == {"sent"}


def test_cli_delivers_what_a_crash_left_queued(
    crash_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from unmask.cli.main import _register_commands, app

    with crash_store.unit_of_work() as uow:
        case_id = uow.cases.latest_for([SUBJECT])[SUBJECT].id
    assert _decide(crash_store, case_id, "decision.committed:1") == 137
    queued = _state(crash_store, case_id)["notices"]
    monkeypatch.setenv("UNMASK_DATABASE_URL", crash_store.url)
    monkeypatch.setenv("UNMASK_DATA_DIR", str(crash_store.settings.data_dir))
    monkeypatch.delenv("UNMASK_NOTIFY_WEBHOOK", raising=False)
    _register_commands()
    out = CliRunner().invoke(app, ["review", "deliver"])
    assert out.exit_code == 0 and f"{len(queued)} notice(s) sent, 0 failed" in out.output
    assert {s for _, s in _state(crash_store, case_id)["notices"]} == {"sent"}
