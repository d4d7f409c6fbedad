"""Member alerts in the store: run the ``account_takeover`` detector over stored logins and keep
one alert per account and message (re-running adds nothing new)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update

from unmask.model import Snapshot
from unmask.store import Store
from unmask.store.member_schema import member_alerts
from unmask.takeover.alerts import MemberAlert, alerts_from_findings


def _fingerprint(alert: MemberAlert) -> str:
    return hashlib.sha256(f"{alert.account_id}\0{alert.kind}\0{alert.message}".encode()).hexdigest()


def detect_alerts(snapshot: Snapshot) -> list[MemberAlert]:
    from unmask.detectors.account_takeover import AccountTakeover

    findings = AccountTakeover().detect(snapshot, sorted(snapshot.logins_by_account))
    return alerts_from_findings(findings, datetime.now(UTC))


def save_alerts(store: Store, alerts: list[MemberAlert]) -> int:
    """Store new alerts; returns how many were new."""
    new = 0
    with store.engine.begin() as conn:
        have = set(conn.execute(select(member_alerts.c.fingerprint)).scalars().all())
        for alert in alerts:
            fp = _fingerprint(alert)
            if fp in have:
                continue
            have.add(fp)
            new += 1
            conn.execute(
                member_alerts.insert().values(
                    fingerprint=fp,
                    account_id=alert.account_id,
                    kind=alert.kind,
                    message=alert.message,
                    advice=alert.advice,
                    created_at=alert.created_at,
                    acknowledged=False,
                )
            )
    return new


def scan_logins(store: Store) -> tuple[int, int]:
    """(alerts found, alerts new) from every stored login."""
    snapshot = store.snapshot(("login",))
    alerts = detect_alerts(snapshot)
    return len(alerts), save_alerts(store, alerts)


def alerts_for(store: Store, account_id: str) -> list[dict[str, Any]]:
    with store.connect() as conn:
        rows = conn.execute(
            select(member_alerts)
            .where(member_alerts.c.account_id == account_id)
            .order_by(member_alerts.c.created_at.desc())
        ).mappings()
        return [
            {
                k: (v.isoformat() if isinstance(v, datetime) else v)
                for k, v in r.items()
                if k != "fingerprint"
            }
            for r in rows
        ]


def acknowledge(store: Store, alert_id: int) -> bool:
    with store.engine.begin() as conn:
        done = conn.execute(
            update(member_alerts).where(member_alerts.c.id == alert_id).values(acknowledged=True)
        )
    return bool(done.rowcount)
