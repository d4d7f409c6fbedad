"""``registration_cluster``: Accounts registered together (one /24, one time window) whose
cluster looks invented: unverified, rare or front employers, uniform profiles.

The features are SQL (unmask.detectors.network), run here by DuckDB in process over the snapshot
and by ``unmask scan --engine duckdb|spark`` at scale; see docs/network-detectors.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.network.detector import NetworkDetector
from unmask.detectors.network.findings import registration_findings
from unmask.detectors.network.runner import Features
from unmask.detectors.network.score_registration import NAME, VERSION
from unmask.model import Finding


class RegistrationCluster(NetworkDetector):
    name: ClassVar[str] = NAME  # declared once, with the scoring it names
    version: ClassVar[str] = VERSION
    needs: ClassVar[frozenset[str]] = frozenset({"account"})
    description: ClassVar[str] = (
        "Accounts registered together (one /24, one time window) whose cluster looks invented: "
        "unverified, rare or front employers, uniform profiles."
    )

    tables: ClassVar[tuple[str, ...]] = ("reg_member", "reg_cluster")

    def detect_batch(self, features: Features, subjects: Sequence[str]) -> list[Finding]:
        return registration_findings(features, subjects)
