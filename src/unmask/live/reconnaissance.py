"""``reconnaissance``: accounts that enumerate profiles, as hostile services do to harvest targets.

Profile views are replayed in time order through the live path's own window features
(``unmask.live.features``), so the nightly score and the live decision on a view share one
definition. Each component (velocity, sequential ids, search-driven browsing, concentration on
one organisation or on sensitive-sector staff) keeps its peak over the snapshot; the score is
their noisy-OR (``unmask.live.recon``). Logged-out scraping has no account: ``detect_ips`` scores
each IP address (subject kind ``ip``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.live import recon
from unmask.live.replay import ViewPeaks, view_peaks
from unmask.model import Evidence, Finding, Snapshot


class Reconnaissance:
    name: ClassVar[str] = "reconnaissance"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"profile_view", "account", "organisation"})
    description: ClassVar[str] = (
        "Profile enumeration: view velocity, consecutive ids, search-driven browsing, "
        "concentration on one organisation or on sensitive-sector staff."
    )

    def __init__(self, rules: recon.ReconRules | None = None) -> None:
        self.rules = rules

    def _finding(self, subject: str, peaks: ViewPeaks, kind: str = "account") -> Finding:
        rules = self.rules or recon.ReconRules()
        ev = recon.evidence(peaks.parts, peaks.last, peaks.at_peak, rules)
        score = recon.score(peaks.parts, rules)
        return Finding(self.name, self.version, subject, score, ev, subject_kind=kind)

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        wanted = subjects_of(snapshot, subjects)
        peaks = view_peaks(snapshot, rules=self.rules or recon.ReconRules())
        out: list[Finding] = []
        for subject in wanted:
            if subject not in snapshot.accounts:
                out.append(Finding.abstain(self.name, self.version, subject, "no profile"))
            elif not snapshot.profile_views:
                reason = "no profile views in the snapshot"
                out.append(Finding.abstain(self.name, self.version, subject, reason))
            elif subject in peaks:
                out.append(self._finding(subject, peaks[subject]))
            else:
                none = (Evidence("made no profile views"),)
                out.append(Finding(self.name, self.version, subject, 0.0, none))
        return out

    def detect_ips(self, snapshot: Snapshot) -> list[Finding]:
        """Logged-out viewers, one finding per IP address (subject ``ip:<address>``)."""
        peaks = view_peaks(snapshot, rules=self.rules or recon.ReconRules())
        return [self._finding(a, p, "ip") for a, p in sorted(peaks.items()) if a.startswith("ip:")]
