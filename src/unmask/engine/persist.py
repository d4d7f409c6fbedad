"""Writing a scan's findings, assessments and campaigns to the store."""

from __future__ import annotations

from collections.abc import Sequence

from unmask.engine.campaigns import Campaign
from unmask.model import Assessment
from unmask.model.scans import ScanCampaign
from unmask.store.interface import DataStore


def open_scan(store: DataStore, engine: str, policy_version: str, detectors: Sequence[str]) -> int:
    with store.unit_of_work() as uow:
        return uow.scans.open(engine, policy_version, detectors)


def stored_campaign(c: Campaign) -> ScanCampaign:
    a = c.assessment
    return ScanCampaign(
        c.key, c.members, a.risk, a.route, a.policy_version, c.links, c.pairs, c.targets, a.findings
    )


def write_scan(
    store: DataStore, scan_id: int, result: Sequence[Assessment], found: Sequence[Campaign]
) -> None:
    """Replace whatever the scan had stored (a re-run assess stage) and mark it done."""
    with store.unit_of_work() as uow:
        uow.scans.write(scan_id, result, [stored_campaign(c) for c in found])


def fail_scan(store: DataStore, scan_id: int) -> None:
    with store.unit_of_work() as uow:
        uow.scans.fail(scan_id)
