"""``employer_claims``: Claimed employers that are absent, unverified, new, without
verified staff, or borrow a real organisation's name.

The features are SQL (unmask.detectors.network), run here by DuckDB in process over the snapshot
and by ``unmask scan --engine duckdb|spark`` at scale; see docs/network-detectors.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.detectors.network.detector import NetworkDetector
from unmask.detectors.network.findings import employer_findings
from unmask.detectors.network.runner import Features
from unmask.detectors.network.score_employer import NAME, VERSION
from unmask.model import Finding, Snapshot


class EmployerClaims(NetworkDetector):
    name: ClassVar[str] = NAME  # declared once, with the scoring it names
    version: ClassVar[str] = VERSION
    needs: ClassVar[frozenset[str]] = frozenset({"account", "organisation"})
    description: ClassVar[str] = (
        "Claimed employers that are absent, unverified, new, without verified staff, or borrow "
        "a real organisation's name."
    )

    tables: ClassVar[tuple[str, ...]] = ("employer",)

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        if snapshot.accounts and not snapshot.organisations:
            # "no page on the platform" means nothing without pages
            reason = "no organisations known: cannot tell whether an employer has a page"
            wanted = list(subjects_of(snapshot, subjects))
            return [Finding.abstain(self.name, self.version, s, reason) for s in wanted]
        return super().detect(snapshot, subjects)

    def detect_batch(self, features: Features, subjects: Sequence[str]) -> list[Finding]:
        return employer_findings(features, subjects)
