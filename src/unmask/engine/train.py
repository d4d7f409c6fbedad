"""``unmask train``: fit every trainable detector from the labels and decisions in the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from unmask.detectors import Registry, TrainableDetector
from unmask.detectors.trainable import save_trained
from unmask.model import Snapshot
from unmask.scoring import Policy, resolve_policy
from unmask.store import Store


@dataclass
class TrainReport:
    labels: int = 0
    fakes: int = 0
    trained: dict[str, str] = field(default_factory=dict)  # name -> artefact path
    skipped: dict[str, str] = field(default_factory=dict)  # name -> why
    combiner: str = ""  # what the combination step did, in a sentence


def labels_of(snapshot: Snapshot) -> dict[str, bool]:
    """Account id -> is fake; the latest label wins (reviewer decisions override older truth)."""
    labels: dict[str, bool] = {}
    for label in sorted(snapshot.labels, key=lambda lb: lb.at):
        labels[label.account_id] = label.label.value == "fake"
    return labels


def train_all(
    store: Store,
    registry: Registry,
    names: list[str] | None = None,
    policy: Policy | None = None,
    progress: Callable[[str], None] | None = None,
) -> TrainReport:
    """Fit every trainable detector on all labels, then the learned combiner on out-of-fold
    findings (unless only some detectors were asked for)."""
    policy = policy or resolve_policy(store.settings)
    snapshot = store.snapshot()
    labels = labels_of(snapshot)
    report = TrainReport(labels=len(labels), fakes=sum(labels.values()))
    if not labels:
        return report
    for name in names or registry.names():
        detector = registry.create(name, **policy.params(name))
        if not isinstance(detector, TrainableDetector):
            continue
        try:
            detector.fit(snapshot, labels)
            report.trained[name] = str(save_trained(store.settings.models_dir, detector))
        except (ValueError, ImportError) as exc:  # too little usable data; a missing extra
            report.skipped[name] = str(exc)
    if names is None:
        from unmask.engine.combine_train import train_combiner

        _, report.combiner = train_combiner(
            snapshot,
            labels,
            policy,
            store.settings.models_dir,
            registry.names(),
            lambda name: registry.create(name, **policy.params(name)),
            progress,
        )
    return report
