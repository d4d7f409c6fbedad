"""``unmask scan``: run the detectors over a snapshot, combine by policy, link campaigns, store.

The network detectors' features run on an engine (DuckDB by default, or Spark) over the store's
snapshot or a folder of interchange files; the other detectors run in process on a Snapshot.
Each stage caches its output under ``$UNMASK_DATA_DIR/scan/<scan id>/`` (see ``batch``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from unmask.detectors import Detector, Registry
from unmask.detectors.trainable import load_trained
from unmask.engine import batch
from unmask.engine.campaigns import Campaign, build_campaigns
from unmask.engine.combine_train import load_combiner
from unmask.engine.persist import fail_scan, open_scan, write_scan
from unmask.engine.runners import EngineRunner
from unmask.engine.sources import snapshot_from_dir
from unmask.hooks import Plugins, load_plugins
from unmask.model import Assessment, Finding, Snapshot
from unmask.scoring import LearnedCombiner, Policy, combine
from unmask.store import Store

StageProgress = Callable[[str, int, int], None]


@dataclass
class ScanResult:
    scan_id: int
    assessments: list[Assessment]
    detector_errors: dict[str, str]
    campaigns: list[Campaign] = field(default_factory=list)
    combination: str = ""  # how the risks were combined, in a sentence

    def routes(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for a in self.assessments:
            out[a.route] += 1
        return dict(out)


def select_detectors(
    registry: Registry, names: Sequence[str] | None = None, policy: Policy | None = None
) -> list[Detector]:
    """The named detectors (default: every registered one), built with the policy's params."""
    chosen = list(names) if names else registry.names()
    return [registry.create(n, **(policy.params(n) if policy else {})) for n in chosen]


def evaluate_snapshot(
    snapshot: Snapshot,
    detectors: Sequence[Detector],
    policy: Policy,
    progress: StageProgress | None = None,
) -> tuple[list[Assessment], dict[str, str]]:
    """The pure part of a scan, in process: detectors, then policy."""
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


def assess(
    findings: Sequence[Finding], policy: Policy, combiner: LearnedCombiner | None = None
) -> list[Assessment]:
    by_subject: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_subject[f.subject].append(f)
    return [combine(s, by_subject[s], policy, combiner) for s in sorted(by_subject)]


def combination_note(policy: Policy, combiner: LearnedCombiner | None) -> str:
    if policy.combine.method == "noisy_or":
        return f"risk from the policy's weights ({policy.version}: method noisy_or)"
    if combiner is None:
        return (
            f"risk from the policy's weights ({policy.version}): no learned combiner yet "
            "(run 'unmask train' with enough labels)"
        )
    return f"risk from the learned combiner {combiner.version} ({combiner.n_labels} labels)"


def scan_dir(store: Store, scan_id: int) -> Path:
    return store.settings.data_dir / "scan" / str(scan_id)


def latest_scan_id(store: Store) -> int | None:
    """The newest scan the store knows of, finished or not (a stage re-run may repair it)."""
    with store.unit_of_work() as uow:
        latest = uow.scans.latest(finished=False)
    return latest.id if latest is not None else None


def run_scan(
    store: Store,
    policy: Policy,
    detector_names: Sequence[str] | None = None,
    progress: StageProgress | None = None,
    snapshot: Snapshot | None = None,
    *,
    engine: str = "duckdb",
    source: Path | None = None,
    stage: str | None = None,
    scan_id: int | None = None,
    engine_options: Mapping[str, Any] | None = None,
    plugins: Plugins | None = None,
) -> ScanResult:
    """A whole scan (``stage`` None), or one stage re-run for an earlier scan (``scan_id``);
    the detectors and engines come from ``plugins`` (default: loaded from the settings)."""
    plugins = plugins or load_plugins(store.settings)
    detectors = select_detectors(plugins.detectors, detector_names, policy)
    load_trained(store.settings.models_dir, detectors)
    report = progress or batch._quiet

    @cache
    def the_snapshot() -> Snapshot:
        if snapshot is not None:
            return snapshot
        return snapshot_from_dir(source) if source is not None else store.snapshot()

    if stage is None:
        names = [f"{d.name}@{d.version}" for d in detectors]
        scan_id = open_scan(store, engine, policy.version, names)
    elif scan_id is None:
        scan_id = latest_scan_id(store)
        if scan_id is None:
            raise batch.StageError("no earlier scan to re-run a stage of")
    folder = scan_dir(store, scan_id)
    folder.mkdir(parents=True, exist_ok=True)
    runner = plugins.engine(engine, **dict(engine_options or {}))
    try:
        return _stages(
            store, policy, detectors, runner, folder, scan_id, stage, source, the_snapshot, report
        )
    except BaseException:
        if stage is None:
            fail_scan(store, scan_id)
        raise
    finally:
        runner.close()


def _stages(
    store: Store,
    policy: Policy,
    detectors: Sequence[Detector],
    runner: EngineRunner,
    folder: Path,
    scan_id: int,
    stage: str | None,
    source: Path | None,
    the_snapshot: Callable[[], Snapshot],
    report: StageProgress,
) -> ScanResult:
    if stage is not None and stage not in batch.STAGES:
        raise batch.StageError(f"unknown stage {stage!r}: one of {', '.join(batch.STAGES)}")
    wanted = batch.STAGES if stage is None else (stage,)
    as_of = 0
    if "load" in wanted:
        snap = None if source is not None else the_snapshot()
        as_of = batch.stage_load(runner, folder, snap, source, report)
    else:
        as_of = batch.as_of_of(folder)
        batch.reload_raw(runner, folder)
    if "features" in wanted:
        batch.stage_features(runner, folder, as_of, report)
    else:
        batch.reload_features(runner, folder)
    errors: dict[str, str] = {}
    if "detect" in wanted:
        found, errors = batch.stage_detect(runner, folder, as_of, detectors, the_snapshot, report)
    else:
        found = batch.load_findings(folder / "findings.parquet")
    if "assess" not in wanted:
        return ScanResult(scan_id, [], errors)
    report("policy", 0, 3)
    combiner = load_combiner(store.settings.models_dir)
    result = assess(found, policy, combiner)
    report("campaigns", 1, 3)
    flagged = [a.subject for a in result if a.route != "none"]
    risk = {a.subject: a.risk for a in result}
    campaigns = build_campaigns(runner, flagged, risk, policy)
    report("store", 2, 3)
    write_scan(store, scan_id, result, campaigns)
    return ScanResult(scan_id, result, errors, campaigns, combination_note(policy, combiner))
