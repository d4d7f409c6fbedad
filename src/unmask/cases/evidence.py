"""The evidence behind a case as plain data: what the audit log keeps with every decision."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from unmask.cases.repo import Case
from unmask.store.schema import findings


def case_findings(conn: Connection, case: Case) -> list[dict[str, Any]]:
    if case.scan_id is None:
        return []
    stmt = (
        select(findings)
        .where(findings.c.scan_id == case.scan_id, findings.c.subject == case.subject)
        .order_by(findings.c.score.desc().nulls_last(), findings.c.detector)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


def evidence_snapshot(conn: Connection, case: Case) -> dict[str, Any]:
    return {
        "subject": case.subject,
        "risk": case.risk,
        "exposure": case.exposure,
        "report_score": case.report_score,
        "priority": case.priority,
        "campaign": case.campaign,
        "scan_id": case.scan_id,
        "findings": [
            {
                "detector": f["detector"],
                "version": f["version"],
                "score": f["score"],
                "reason": f["reason"],
                "evidence": [e.get("text", "") for e in f["evidence"] or []],
            }
            for f in case_findings(conn, case)
        ],
    }
