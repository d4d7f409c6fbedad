"""Retro-matching results in the store: findings in an ``intel`` scan, and cases to review.

Each retro-match run is recorded as a scan (engine ``intel``, status ``intel`` so that the
regular queue sync, which reads the latest ``done`` scan, is not displaced) holding one
``intel_match`` finding per matched account. An account whose finding reaches ``CASE_THRESHOLD``
gets a case (source ``intel``, pointing at that scan, so the case's evidence is the finding and
its indicators); an open case gets a note instead; an account already removed is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic_core import to_jsonable_python
from sqlalchemy import Connection, select, update

from unmask.intel.evidence import NAME, VERSION
from unmask.model import Finding
from unmask.store import Store
from unmask.store.review_schema import cases
from unmask.store.schema import findings, scans

CASE_THRESHOLD = 0.5
POLICY = "intel-1"


@dataclass(frozen=True)
class Recorded:
    scan_id: int | None
    findings: int
    opened: int
    noted: int


def _audit(conn: Connection, case_id: int, subject: str, reason: str, payload: object) -> None:
    from unmask.store.sql.audit import SqlAudit  # until intel moves to the unit of work

    SqlAudit(conn).append(
        actor="system",
        kind="case.opened",
        reason=reason,
        policy_version=POLICY,
        case_id=case_id,
        subject=subject,
        payload={"source": "intel", "finding": payload},
    )


def _case(conn: Connection, scan_id: int, f: Finding, campaign: str | None) -> str:
    """open | noted | skipped"""
    row = (
        conn.execute(
            select(cases).where(cases.c.subject == f.subject).order_by(cases.c.generation.desc())
        )
        .mappings()
        .first()
    )
    risk = float(f.score or 0.0)
    note = f"intel match (scan {scan_id}): " + f.evidence[0].text[:300]
    now = datetime.now(UTC)
    if row is not None and row["status"] != "closed":
        if note not in row["note"]:
            conn.execute(
                update(cases)
                .where(cases.c.id == row["id"])
                .values(note=(row["note"] + "\n" + note).strip(), updated_at=now)
            )
        return "noted"
    if row is not None and row["outcome"] in ("removed", "restricted"):
        return "skipped"
    inserted = conn.execute(
        cases.insert().values(
            subject=f.subject,
            generation=(row["generation"] + 1) if row is not None else 1,
            source="intel",
            scan_id=scan_id,
            campaign=campaign,
            risk=risk,
            exposure=0.0,
            report_score=0.0,
            priority=risk,
            route="review",
            status="open",
            policy_version=POLICY,
            note=note,
            opened_at=now,
            updated_at=now,
        )
    ).inserted_primary_key
    assert inserted is not None
    _audit(conn, int(inserted[0]), f.subject, "matched intelligence", to_jsonable_python(f))
    return "open"


def record(store: Store, matched: Sequence[Finding], campaigns: dict[str, str | None]) -> Recorded:
    if not matched:
        return Recorded(None, 0, 0, 0)
    now = datetime.now(UTC)
    opened = noted = 0
    with store.engine.begin() as conn:
        key = conn.execute(
            scans.insert().values(
                started_at=now,
                finished_at=now,
                engine="intel",
                policy_version=POLICY,
                detectors=[NAME],
                status="intel",
            )
        ).inserted_primary_key
        assert key is not None
        scan_id = int(key[0])
        conn.execute(
            findings.insert(),
            [
                {
                    "scan_id": scan_id,
                    "subject": f.subject,
                    "subject_kind": f.subject_kind,
                    "detector": NAME,
                    "version": VERSION,
                    "score": f.score,
                    "reason": f.reason,
                    "evidence": to_jsonable_python(list(f.evidence)),
                }
                for f in matched
            ],
        )
        for f in matched:
            if (f.score or 0.0) >= CASE_THRESHOLD:
                done = _case(conn, scan_id, f, campaigns.get(f.subject))
                opened += done == "open"
                noted += done == "noted"
    return Recorded(scan_id, len(matched), opened, noted)
