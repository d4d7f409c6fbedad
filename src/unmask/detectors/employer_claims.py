"""``employer_claims``: Claimed employers that are absent, unverified, new, without
verified staff, or borrow a real organisation's name.

The features are SQL (unmask.detectors.network), run here by DuckDB in process over the snapshot
and by ``unmask scan --engine duckdb|spark`` at scale; see docs/network-detectors.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.detectors.network.findings import employer_findings
from unmask.detectors.network.runner import snapshot_features
from unmask.detectors.registry import register
from unmask.model import Finding, Snapshot


@register
class EmployerClaims:
    name: ClassVar[str] = "employer_claims"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"account", "organisation"})
    description: ClassVar[str] = (
        "Claimed employers that are absent, unverified, new, without verified staff, or borrow "
        "a real organisation's name."
    )

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        wanted = list(subjects_of(snapshot, subjects))
        if not snapshot.accounts:
            return [Finding.abstain(self.name, self.version, s, "no profile") for s in wanted]
        if not snapshot.organisations:  # "no page on the platform" means nothing without pages
            reason = "no organisations known: cannot tell whether an employer has a page"
            return [Finding.abstain(self.name, self.version, s, reason) for s in wanted]
        return employer_findings(snapshot_features(snapshot), wanted)
