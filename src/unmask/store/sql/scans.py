"""Scans, findings, assessments and campaigns on SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import JSON, Connection, Table, delete, insert, select, update

from unmask.model.findings import Assessment, Finding, evidence_json, evidence_of
from unmask.model.review import utc
from unmask.model.scans import Scan, ScanCampaign, Scored
from unmask.store.campaign_schema import campaigns
from unmask.store.schema import assessments, findings, scans

CHUNK = 20_000
_IN = 900  # under SQLite's bound-parameter limit


def finding_of(row: Any) -> Finding:
    evidence = evidence_of(row.evidence)
    return Finding(
        row.detector, row.version, row.subject, row.score, evidence, row.reason, row.subject_kind
    )


def _flush(conn: Connection, table: Table, batch: list[dict[str, Any]]) -> None:
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


def _chunks(conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            _flush(conn, table, batch)
            batch = []
    if batch:
        _flush(conn, table, batch)


def _finding_row(scan_id: int, f: Finding) -> dict[str, Any]:
    return {
        "scan_id": scan_id,
        "subject": f.subject,
        "subject_kind": f.subject_kind,
        "detector": f.detector,
        "version": f.version,
        "score": f.score,
        "reason": f.reason,
        "evidence": evidence_json(f),
    }


def _campaign_row(scan_id: int, c: ScanCampaign) -> dict[str, Any]:
    return {
        "scan_id": scan_id,
        "key": c.key,
        "size": len(c.members),
        "risk": c.risk,
        "route": c.route,
        "policy_version": c.policy_version,
        "members": list(c.members),
        "links": [list(p) for p in c.pairs],
        "targets": [dict(t) for t in c.targets],
        "n_targets": len(c.targets),
        "n_sensitive_targets": c.n_sensitive,
    }


def _scan(row: Any) -> Scan:
    return Scan(
        int(row.id),
        utc(row.started_at) or row.started_at,
        utc(row.finished_at),
        row.engine,
        row.policy_version,
        tuple(row.detectors or ()),
        row.status,
    )


class SqlScans:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def open(self, engine: str, policy_version: str, detectors: Sequence[str]) -> int:
        inserted = self.conn.execute(
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

    def write(
        self, scan_id: int, assessed: Sequence[Assessment], campaigns_: Sequence[ScanCampaign]
    ) -> None:
        conn = self.conn
        for table in (findings, assessments, campaigns):
            conn.execute(delete(table).where(table.c.scan_id == scan_id))
        every = [f for a in assessed for f in a.findings]
        every += [f for c in campaigns_ for f in c.findings]
        _chunks(conn, findings, (_finding_row(scan_id, f) for f in every))
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
                for a in assessed
            ),
        )
        _chunks(conn, campaigns, (_campaign_row(scan_id, c) for c in campaigns_))
        conn.execute(
            update(scans)
            .where(scans.c.id == scan_id)
            .values(finished_at=datetime.now(UTC), status="done")
        )

    def record_findings(
        self, engine: str, policy_version: str, detectors: Sequence[str], found: Sequence[Finding]
    ) -> int:
        now = datetime.now(UTC)
        inserted = self.conn.execute(
            insert(scans).values(
                started_at=now,
                finished_at=now,
                engine=engine,
                policy_version=policy_version,
                detectors=list(detectors),
                status=engine,
            )
        ).inserted_primary_key
        assert inserted is not None
        scan_id = int(inserted[0])
        _chunks(self.conn, findings, (_finding_row(scan_id, f) for f in found))
        return scan_id

    def fail(self, scan_id: int) -> None:
        self.conn.execute(update(scans).where(scans.c.id == scan_id).values(status="failed"))

    def get(self, scan_id: int) -> Scan | None:
        row = self.conn.execute(select(scans).where(scans.c.id == scan_id)).first()
        return _scan(row) if row is not None else None

    def latest(self, finished: bool = True) -> Scan | None:
        stmt = select(scans).order_by(scans.c.id.desc()).limit(1)
        if finished:
            stmt = stmt.where(scans.c.status == "done")
        row = self.conn.execute(stmt).first()
        return _scan(row) if row is not None else None

    def findings(self, scan_id: int, subject: str) -> list[Finding]:
        stmt = (
            select(findings)
            .where(findings.c.scan_id == scan_id, findings.c.subject == subject)
            .order_by(findings.c.score.desc().nulls_last(), findings.c.detector)
        )
        return [finding_of(r) for r in self.conn.execute(stmt)]

    def findings_of(self, scan_id: int, subjects: Sequence[str]) -> dict[str, list[Finding]]:
        wanted = sorted(set(subjects))
        out: dict[str, list[Finding]] = {}
        for i in range(0, len(wanted), _IN):
            stmt = (
                select(findings)
                .where(findings.c.scan_id == scan_id, findings.c.subject.in_(wanted[i : i + _IN]))
                .order_by(
                    findings.c.subject, findings.c.score.desc().nulls_last(), findings.c.detector
                )
            )
            for row in self.conn.execute(stmt):
                out.setdefault(row.subject, []).append(finding_of(row))
        return out

    def assessments(
        self,
        scan_id: int,
        *,
        subjects: Sequence[str] | None = None,
        routes: Sequence[str] | None = None,
        subject_kind: str | None = None,
        limit: int | None = None,
    ) -> list[Scored]:
        t = assessments
        stmt = select(t).where(t.c.scan_id == scan_id)
        if routes is not None:
            stmt = stmt.where(t.c.route.in_(list(routes)))
        if subject_kind is not None:
            stmt = stmt.where(t.c.subject_kind == subject_kind)
        stmt = stmt.order_by(t.c.risk.desc(), t.c.subject)
        if subjects is None:
            rows = list(self.conn.execute(stmt.limit(limit)))
        else:
            wanted = sorted(set(subjects))
            rows = []
            for i in range(0, len(wanted), _IN):
                rows.extend(self.conn.execute(stmt.where(t.c.subject.in_(wanted[i : i + _IN]))))
            rows.sort(key=lambda r: (-r.risk, r.subject))
            rows = rows[:limit] if limit is not None else rows
        return [Scored(r.subject, r.risk, r.route, r.policy_version, r.subject_kind) for r in rows]

    def campaigns(self, scan_id: int) -> list[ScanCampaign]:
        stmt = select(campaigns).where(campaigns.c.scan_id == scan_id).order_by(campaigns.c.key)
        out: list[ScanCampaign] = []
        for r in self.conn.execute(stmt):
            pairs = tuple((str(a), str(b), str(k)) for a, b, k in r.links or [])
            kinds: dict[str, int] = {}
            for _, _, k in pairs:
                kinds[k] = kinds.get(k, 0) + 1
            out.append(
                ScanCampaign(
                    r.key,
                    tuple(r.members),
                    r.risk,
                    r.route,
                    r.policy_version,
                    dict(sorted(kinds.items())),
                    pairs,
                    tuple(dict(t) for t in r.targets or []),
                    tuple(self.findings(scan_id, r.key)),
                )
            )
        return out
