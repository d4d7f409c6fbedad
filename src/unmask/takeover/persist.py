"""Member alerts in the store: run the ``account_takeover`` detector over stored logins and keep
one alert per account and message (re-running adds nothing new)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from unmask.model import Snapshot
from unmask.store import Store
from unmask.takeover.alerts import MemberAlert, alerts_from_findings
from unmask.takeover.geo import default_lookup


def _fingerprint(alert: MemberAlert) -> str:
    return hashlib.sha256(f"{alert.account_id}\0{alert.kind}\0{alert.message}".encode()).hexdigest()


def detect_alerts(snapshot: Snapshot, geoip_csv: Path | None = None) -> list[MemberAlert]:
    from unmask.takeover.detector import AccountTakeover

    geo = default_lookup(geoip_csv)
    findings = AccountTakeover(geo=geo).detect(snapshot, sorted(snapshot.logins_by_account))
    return alerts_from_findings(findings, datetime.now(UTC))


def save_alerts(store: Store, alerts: list[MemberAlert]) -> int:
    """Store new alerts; returns how many were new."""
    new = 0
    with store.unit_of_work() as uow:
        for a in alerts:
            fp = _fingerprint(a)
            new += uow.members.add_alert(
                fp, a.account_id, a.kind, a.message, a.advice, a.created_at
            )
    return new


def scan_logins(store: Store) -> tuple[int, int]:
    """(alerts found, alerts new) from every stored login."""
    snapshot = store.snapshot(("login",))
    alerts = detect_alerts(snapshot, store.settings.geoip_csv)
    return len(alerts), save_alerts(store, alerts)


def alerts_for(store: Store, account_id: str) -> list[dict[str, Any]]:
    with store.unit_of_work() as uow:
        found = uow.members.alerts_of(account_id)
    return [asdict(a) | {"created_at": a.created_at.isoformat()} for a in found]


def acknowledge(store: Store, alert_id: int) -> bool:
    with store.unit_of_work() as uow:
        return uow.members.acknowledge(alert_id)
