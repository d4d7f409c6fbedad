"""The batch side of the live features: replay stored events, in time order, through the same
plan/windows/features code the online path runs, and keep each actor's peaks."""

from __future__ import annotations

from dataclasses import dataclass, field

from unmask.live import recon
from unmask.live.directory import Directory, SnapshotDirectory
from unmask.live.events import LiveEvent
from unmask.live.features import features, plan
from unmask.live.windows import MemoryWindows
from unmask.model import Snapshot


@dataclass
class ViewPeaks:
    """Per reconnaissance component: its highest value and the features where it peaked."""

    views: int = 0
    parts: dict[str, float] = field(default_factory=dict)
    at_peak: dict[str, dict[str, float]] = field(default_factory=dict)
    last: dict[str, float] = field(default_factory=dict)

    def add(self, feats: dict[str, float], rules: recon.ReconRules) -> None:
        self.views += 1
        self.last = feats
        for name, value in recon.components(feats, rules).items():
            if value > self.parts.get(name, 0.0) or name not in self.parts:
                self.parts[name] = value
                self.at_peak[name] = feats


def view_peaks(
    snapshot: Snapshot,
    directory: Directory | None = None,
    rules: recon.ReconRules = recon.ReconRules(),
) -> dict[str, ViewPeaks]:
    """Actor (account id, or ``ip:<address>`` for logged-out views) -> peaks over the snapshot."""
    d = directory or SnapshotDirectory(snapshot)
    windows = MemoryWindows(remember_events=False)
    peaks: dict[str, ViewPeaks] = {}
    for view in sorted(snapshot.profile_views, key=lambda v: (v.at, v.id)):
        event = LiveEvent("profile_view", view)
        p = plan(event, d)
        answers, _ = windows.apply(event.key, view.at.timestamp(), p.ops)
        peaks.setdefault(event.actor, ViewPeaks()).add(features(p, answers), rules)
    return peaks
