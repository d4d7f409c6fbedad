"""The evidence behind a case as plain data: what the audit log keeps with every decision."""

from __future__ import annotations

from typing import Any

from unmask.model.findings import Finding
from unmask.model.review import Case
from unmask.store.interface import UnitOfWork


def case_findings(uow: UnitOfWork, case: Case) -> list[Finding]:
    """The findings of the scan that opened the case, strongest first."""
    return uow.scans.findings(case.scan_id, case.subject) if case.scan_id is not None else []


def evidence_snapshot(uow: UnitOfWork, case: Case) -> dict[str, Any]:
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
                "detector": f.detector,
                "version": f.version,
                "score": f.score,
                "reason": f.reason,
                "evidence": [e.text for e in f.evidence],
            }
            for f in case_findings(uow, case)
        ],
    }
