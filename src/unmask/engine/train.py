"""``unmask train``: fit every trainable detector from the labels and decisions in the store."""

from __future__ import annotations

from dataclasses import dataclass, field

from unmask.detectors import TrainableDetector, load_builtin, registry
from unmask.model import Snapshot
from unmask.store import Store
from unmask.store.artifacts import save_trained


@dataclass
class TrainReport:
    labels: int = 0
    fakes: int = 0
    trained: dict[str, str] = field(default_factory=dict)  # name -> artefact path
    skipped: dict[str, str] = field(default_factory=dict)  # name -> why


def labels_of(snapshot: Snapshot) -> dict[str, bool]:
    """Account id -> is fake; the latest label wins (reviewer decisions override older truth)."""
    labels: dict[str, bool] = {}
    for label in sorted(snapshot.labels, key=lambda lb: lb.at):
        labels[label.account_id] = label.label.value == "fake"
    return labels


def train_all(store: Store, names: list[str] | None = None) -> TrainReport:
    load_builtin()
    snapshot = store.snapshot()
    labels = labels_of(snapshot)
    report = TrainReport(labels=len(labels), fakes=sum(labels.values()))
    if not labels:
        return report
    for name in names or registry.names():
        detector = registry.create(name)
        if not isinstance(detector, TrainableDetector):
            continue
        try:
            detector.fit(snapshot, labels)
            report.trained[name] = str(save_trained(store.settings.models_dir, detector))
        except (ValueError, ImportError) as exc:  # too little usable data; a missing extra
            report.skipped[name] = str(exc)
    return report
