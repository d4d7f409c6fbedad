"""``outreach``: The approach pattern: volume, ignore rate, sensitive-sector and
one-organisation targeting, cold messages escalating to offers.

The features are SQL (unmask.detectors.network), run here by DuckDB in process over the snapshot
and by ``unmask scan --engine duckdb|spark`` at scale; see docs/network-detectors.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.network.detector import NetworkDetector
from unmask.detectors.network.findings import outreach_findings
from unmask.detectors.network.runner import Features
from unmask.detectors.network.score_outreach import NAME, VERSION, OutreachWeights
from unmask.model import Finding


class Outreach(NetworkDetector):
    name: ClassVar[str] = NAME  # declared once, with the scoring it names
    version: ClassVar[str] = VERSION
    needs: ClassVar[frozenset[str]] = frozenset(
        {"invitation", "message", "connection", "organisation", "account"}
    )
    description: ClassVar[str] = (
        "The approach pattern: volume, ignore rate, sensitive-sector and one-organisation "
        "targeting, cold messages escalating to offers."
    )

    tables: ClassVar[tuple[str, ...]] = ("outreach",)

    def __init__(
        self,
        ignore: float = OutreachWeights.ignore,
        sensitive: float = OutreachWeights.sensitive,
        one_org: float = OutreachWeights.one_org,
        escalation: float = OutreachWeights.escalation,
        cold_escalation: float = OutreachWeights.cold_escalation,
        talk: float = OutreachWeights.talk,
    ) -> None:
        """The weights of the score's parts (``OutreachWeights``); a scan passes the policy's
        ``[detectors.outreach.params]``."""
        self.weights = OutreachWeights(
            ignore, sensitive, one_org, escalation, cold_escalation, talk
        )

    def detect_batch(self, features: Features, subjects: Sequence[str]) -> list[Finding]:
        return outreach_findings(features, subjects, self.weights)
