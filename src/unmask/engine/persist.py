"""Writing a scan's findings, assessments and campaigns to the store."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import JSON, Connection, delete, insert, update

from unmask.engine.batch import evidence_json
from unmask.engine.campaigns import Campaign
from unmask.model import Assessment
from unmask.store import Store
from unmask.store.campaign_schema import campaigns
from unmask.store.schema import assessments, findings, scans

CHUNK = 20_000


def open_scan(store: Store, engine: str, policy_version: str, detectors: Sequence[str]) -> int:
    with store.engine.begin() as conn:
        inserted = conn.execute(
            insert(scans).values(
                started_at=datetime.now(UTC),
                engine=engine,
                policy_version=policy_version,
                detectors=list(detectors),
                status="running",
            )
        ).inserted_primary_key
    assert inserted is not None
    return int(inserted[0])


def _flush(conn: Connection, table: Any, batch: list[dict[str, Any]]) -> None:
    """SQLAlchemy's executemany; on SQLite the driver's directly, with JSON encoded here (the
    storage format SQLAlchemy reads back), which is several times faster for large scans."""
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), batch)
        return
    names = list(batch[0])
    is_json = [isinstance(table.c[n].type, JSON) for n in names]
    sql = f'INSERT INTO "{table.name}" ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})'
    conn.exec_driver_sql(
        sql,
        [
            tuple(
                orjson.dumps(row[n], default=str).decode() if j else row[n]
                for n, j in zip(names, is_json, strict=True)
            )
            for row in batch
        ],
    )


def _chunks(conn: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            _flush(conn, table, batch)
            batch = []
    if batch:
        _flush(conn, table, batch)


def write_scan(
    store: Store, scan_id: int, result: Sequence[Assessment], found: Sequence[Campaign]
) -> None:
    """Replace whatever the scan had stored (a re-run assess stage) and mark it done."""
    everything = [*result, *(c.assessment for c in found)]  # findings of both kinds
    with store.engine.begin() as conn:
        for table in (findings, assessments, campaigns):
            conn.execute(delete(table).where(table.c.scan_id == scan_id))
        _chunks(
            conn,
            findings,
            (
                {
                    "scan_id": scan_id,
                    "subject": f.subject,
                    "subject_kind": f.subject_kind,
                    "detector": f.detector,
                    "version": f.version,
                    "score": f.score,
                    "reason": f.reason,
                    "evidence": evidence_json(f),
                }
                for a in everything
                for f in a.findings
            ),
        )
        _chunks(
            conn,
            assessments,
            (
                {
                    "scan_id": scan_id,
                    "subject": a.subject,
                    "subject_kind": a.subject_kind,
                    "risk": a.risk,
                    "route": a.route,
                    "policy_version": a.policy_version,
                }
                for a in result
            ),
        )
        _chunks(
            conn,
            campaigns,
            (
                {
                    "scan_id": scan_id,
                    "key": c.key,
                    "size": len(c.members),
                    "risk": c.assessment.risk,
                    "route": c.assessment.route,
                    "policy_version": c.assessment.policy_version,
                    "members": list(c.members),
                    "links": [list(p) for p in c.pairs],
                    "targets": [dict(t) for t in c.targets],
                    "n_targets": len(c.targets),
                    "n_sensitive_targets": c.n_sensitive,
                }
                for c in found
            ),
        )
        conn.execute(
            update(scans)
            .where(scans.c.id == scan_id)
            .values(finished_at=datetime.now(UTC), status="done")
        )


def fail_scan(store: Store, scan_id: int) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(scans).where(scans.c.id == scan_id).values(status="failed"))
