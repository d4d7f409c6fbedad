"""Retro-matching results in the store: findings in an ``intel`` scan, and cases to review.

Each retro-match run is recorded as a scan (engine ``intel``, status ``intel`` so that the
regular queue sync, which reads the latest ``done`` scan, is not displaced) holding one
``intel_match`` finding per matched account. An account whose finding reaches ``CASE_THRESHOLD``
gets a case (source ``intel``, pointing at that scan, so the case's evidence is the finding and
its indicators); an open case gets a note instead; an account already removed is left alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic_core import to_jsonable_python

from unmask.intel.evidence import NAME, VERSION
from unmask.model import Finding
from unmask.store import Store
from unmask.store.interface import UnitOfWork

CASE_THRESHOLD = 0.5
POLICY = "intel-1"


@dataclass(frozen=True)
class Recorded:
    scan_id: int | None
    findings: int
    opened: int
    noted: int


def _case(uow: UnitOfWork, scan_id: int, f: Finding, campaign: str | None) -> str:
    """open | noted | skipped"""
    old = uow.cases.latest_for([f.subject]).get(f.subject)
    risk = float(f.score or 0.0)
    note = f"intel match (scan {scan_id}): " + f.evidence[0].text[:300]
    if old is not None and old.status != "closed":
        if note not in old.note:
            uow.cases.update(old.id, note=(old.note + "\n" + note).strip())
        return "noted"
    if old is not None and old.outcome in ("removed", "restricted"):
        return "skipped"
    case_id = uow.cases.open(
        subject=f.subject,
        generation=(old.generation + 1) if old is not None else 1,
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
    )
    uow.audit.append(
        actor="system",
        kind="case.opened",
        reason="matched intelligence",
        policy_version=POLICY,
        case_id=case_id,
        subject=f.subject,
        payload={"source": "intel", "finding": to_jsonable_python(f)},
    )
    return "open"


def record(store: Store, matched: Sequence[Finding], campaigns: dict[str, str | None]) -> Recorded:
    if not matched:
        return Recorded(None, 0, 0, 0)
    opened = noted = 0
    found = [dataclasses.replace(f, detector=NAME, version=VERSION) for f in matched]
    with store.unit_of_work() as uow:
        scan_id = uow.scans.record_findings("intel", POLICY, [NAME], found)
        for f in matched:
            if (f.score or 0.0) >= CASE_THRESHOLD:
                done = _case(uow, scan_id, f, campaigns.get(f.subject))
                opened += done == "open"
                noted += done == "noted"
    return Recorded(scan_id, len(matched), opened, noted)
