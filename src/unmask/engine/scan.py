"""``unmask scan``: run the registered detectors over a snapshot and store the assessments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, update

from unmask.detectors import Detector, load_builtin, registry
from unmask.model import Assessment, Finding, Snapshot
from unmask.scoring import Policy, combine
from unmask.store import Store
from unmask.store.artifacts import load_trained
from unmask.store.schema import assessments, findings, scans

StageProgress = Callable[[str, int, int], None]


@dataclass
class ScanResult:
    scan_id: int
    assessments: list[Assessment]
    detector_errors: dict[str, str]

    def routes(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for a in self.assessments:
            out[a.route] += 1
        return dict(out)


def select_detectors(names: Sequence[str] | None = None) -> list[Detector]:
    load_builtin()
    chosen = list(names) if names else registry.names()
    return [registry.create(n) for n in chosen]


def evaluate_snapshot(
    snapshot: Snapshot,
    detectors: Sequence[Detector],
    policy: Policy,
    progress: StageProgress | None = None,
) -> tuple[list[Assessment], dict[str, str]]:
    """The pure part of a scan: detectors, then policy. Returns assessments and detector errors."""
    by_subject: dict[str, list[Finding]] = defaultdict(list)
    errors: dict[str, str] = {}
    subjects = sorted(snapshot.accounts)
    for i, detector in enumerate(detectors):
        if progress:
            progress(detector.name, i, len(detectors))
        try:
            results = detector.detect(snapshot, subjects)
        except ImportError as exc:  # an optional extra is missing: say so, run the rest
            errors[detector.name] = f"missing dependency: {exc}"
            continue
        for finding in results:
            by_subject[finding.subject].append(finding)
    if progress:
        progress("policy", len(detectors), len(detectors))
    return [combine(s, by_subject[s], policy) for s in subjects], errors


def _evidence_json(finding: Finding) -> list[dict[str, Any]]:
    return [
        {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(e).items()}
        for e in finding.evidence
    ]


def run_scan(
    store: Store,
    policy: Policy,
    detector_names: Sequence[str] | None = None,
    progress: StageProgress | None = None,
    snapshot: Snapshot | None = None,
) -> ScanResult:
    detectors = select_detectors(detector_names)
    load_trained(store.settings.models_dir, detectors)
    if snapshot is None:
        snapshot = store.snapshot()
    started = datetime.now(UTC)
    with store.engine.begin() as conn:
        inserted = conn.execute(
            insert(scans).values(
                started_at=started,
                engine="python",
                policy_version=policy.version,
                detectors=[f"{d.name}@{d.version}" for d in detectors],
                status="running",
            )
        ).inserted_primary_key
        assert inserted is not None
        scan_id = int(inserted[0])
    result, errors = evaluate_snapshot(snapshot, detectors, policy, progress)
    with store.engine.begin() as conn:
        finding_rows = [
            {
                "scan_id": scan_id,
                "subject": f.subject,
                "subject_kind": f.subject_kind,
                "detector": f.detector,
                "version": f.version,
                "score": f.score,
                "reason": f.reason,
                "evidence": _evidence_json(f),
            }
            for a in result
            for f in a.findings
        ]
        for i in range(0, len(finding_rows), 20_000):
            conn.execute(insert(findings), finding_rows[i : i + 20_000])
        rows = [
            {
                "scan_id": scan_id,
                "subject": a.subject,
                "subject_kind": a.subject_kind,
                "risk": a.risk,
                "route": a.route,
                "policy_version": a.policy_version,
            }
            for a in result
        ]
        for i in range(0, len(rows), 20_000):
            conn.execute(insert(assessments), rows[i : i + 20_000])
        conn.execute(
            update(scans)
            .where(scans.c.id == scan_id)
            .values(finished_at=datetime.now(UTC), status="done")
        )
    return ScanResult(scan_id, result, errors)
