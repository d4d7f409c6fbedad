"""``registration_cluster``: Accounts registered together (one /24, one time window) whose
cluster looks invented: unverified, rare or front employers, uniform profiles.

The features are SQL (unmask.detectors.network), run here by DuckDB in process over the snapshot
and by ``unmask scan --engine duckdb|spark`` at scale; see docs/network-detectors.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.detectors.network.findings import registration_findings
from unmask.detectors.network.runner import snapshot_features
from unmask.detectors.registry import register
from unmask.model import Finding, Snapshot


@register
class RegistrationCluster:
    name: ClassVar[str] = "registration_cluster"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"account"})
    description: ClassVar[str] = (
        "Accounts registered together (one /24, one time window) whose cluster looks invented: "
        "unverified, rare or front employers, uniform profiles."
    )

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        wanted = list(subjects_of(snapshot, subjects))
        if not snapshot.accounts:
            return [Finding.abstain(self.name, self.version, s, "no profile") for s in wanted]
        return registration_findings(snapshot_features(snapshot), wanted)
