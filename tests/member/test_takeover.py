"""Account-takeover signals, the geolocation seam and member alerts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from tests.member.world import T0, world

from unmask.model import Login, Snapshot
from unmask.store import Store
from unmask.takeover import BUILTIN, alerts_from_findings, load_prefix_csv
from unmask.takeover.detector import AccountTakeover
from unmask.takeover.geo import Layered
from unmask.takeover.persist import alerts_for, scan_logins


def _login(i: int, account: str, ip: str, minutes: float, ok: bool) -> Login:
    return Login(
        id=f"l{i}", account_id=account, at=T0 + timedelta(minutes=minutes), ip=ip, success=ok
    )


def test_spraying_then_success_is_a_takeover() -> None:
    findings = {f.subject: f for f in AccountTakeover().detect(world())}
    assert findings["staff-3"].score is not None and findings["staff-3"].score > 0.8
    assert findings["staff-0"].score == pytest.approx(0.3)
    assert findings["eng-1"].score == 0.0
    assert findings["persona-1"].score is None, "no logins: abstain"
    alerts = alerts_from_findings(findings.values(), T0)
    assert [a.account_id for a in alerts] == ["staff-3"]
    assert "succeeded" in alerts[0].message


def test_credential_stuffing_many_addresses_one_account() -> None:
    logins = [_login(i, "victim", f"192.0.2.{i}", i, False) for i in range(8)]
    logins.append(_login(99, "victim", "192.0.2.3", 9, True))
    (finding,) = AccountTakeover().detect(Snapshot(logins=logins, as_of=T0), ["victim"])
    signals = {e.data["signal"] for e in finding.evidence}
    assert "stuffing" in signals and "entered" in signals


def test_impossible_travel_uses_the_table() -> None:
    london, sydney = "192.0.2.10", "203.0.113.5"
    assert BUILTIN.locate(london) is not None and BUILTIN.locate("8.8.8.8") is None
    logins = [_login(1, "a", london, 0, True), _login(2, "a", sydney, 120, True)]
    (finding,) = AccountTakeover().detect(Snapshot(logins=logins, as_of=T0), ["a"])
    assert any(e.data["signal"] == "impossible_travel" for e in finding.evidence)
    slow = [_login(1, "a", london, 0, True), _login(2, "a", sydney, 60 * 30, True)]
    (finding,) = AccountTakeover().detect(Snapshot(logins=slow, as_of=T0), ["a"])
    assert finding.score == 0.0, "30 hours is enough to fly"


def test_an_operator_table_comes_first(tmp_path: Path) -> None:
    path = tmp_path / "geo.csv"
    path.write_text("prefix,country,lat,lon\n8.8.8.0/24,US,37.4,-122.1\n192.0.2.0/25,FR,48.9,2.3\n")
    lookup = Layered(load_prefix_csv(path), BUILTIN)
    assert lookup.locate("8.8.8.8") is not None
    place = lookup.locate("192.0.2.10")
    assert place is not None and place.country == "FR"


def test_alerts_are_stored_once(world_store: Store) -> None:
    assert scan_logins(world_store) == (1, 1)
    assert scan_logins(world_store) == (1, 0)
    (alert,) = alerts_for(world_store, "staff-3")
    assert alert["kind"] == "entered+spraying" and not alert["acknowledged"]
