"""What every trainable detector shares: the training gate, the artefact format and where
artefacts live on disk.

``Trainable`` is a base for detectors whose learned state is one model with ``to_bytes`` /
``from_bytes``: ``gate`` refuses to train on too few labels per class (the detector then stays
untrained and says why in its abstentions), ``to_artifact`` / ``load_artifact`` write and read the
versioned ``.npz`` artefact (no pickle; another version's artefact is refused). ``save_trained``
and ``load_trained`` keep artefacts at ``<models dir>/<name>.bin``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, Protocol

from unmask.detectors.artifact_npz import pack_model, unpack_model
from unmask.detectors.base import Detector, TrainableDetector


class Model(Protocol):
    def to_bytes(self) -> bytes: ...


class Trainable:
    """Mixin: set ``artifact_format`` and ``model_type`` (a class with ``from_bytes``); learned
    state lives in ``model_`` (None: not trained) and ``fit_note_`` (what training did)."""

    version: ClassVar[str]
    artifact_format: ClassVar[str]
    model_type: ClassVar[Any]
    min_per_class: int

    def gate(self, labels: Sequence[int], what: str) -> bool:
        """True when both classes have ``min_per_class`` labelled examples; otherwise the
        detector is left untrained with a note saying what was missing."""
        per_class = min(labels.count(0), labels.count(1))
        if per_class >= self.min_per_class:
            return True
        self.model_: Any = None
        self.fit_note_ = (
            f"not trained: {per_class} labelled {what} in the smaller class, "
            f"{self.min_per_class} needed"
        )
        return False

    def to_artifact(self) -> bytes:
        model: Model | None = getattr(self, "model_", None)
        note = getattr(self, "fit_note_", "not trained")
        blob = model.to_bytes() if model is not None else None
        return pack_model(self.artifact_format, self.version, blob, note)

    def load_artifact(self, data: bytes) -> None:
        blob, self.fit_note_ = unpack_model(data, self.artifact_format, self.version)
        self.model_ = self.model_type.from_bytes(blob) if blob else None


def artifact_path(models_dir: Path, name: str) -> Path:
    return models_dir / f"{name}.bin"


def save_trained(models_dir: Path, detector: TrainableDetector) -> Path:
    """Write the detector's artefact atomically (a crash leaves the old one)."""
    models_dir.mkdir(parents=True, exist_ok=True)
    path = artifact_path(models_dir, detector.name)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(detector.to_artifact())
    tmp.replace(path)
    return path


def load_trained(models_dir: Path, detectors: Sequence[Detector]) -> list[str]:
    """Load every artefact that exists for the given detectors; returns the names loaded."""
    loaded: list[str] = []
    for detector in detectors:
        path = artifact_path(models_dir, detector.name)
        if isinstance(detector, TrainableDetector) and path.is_file():
            detector.load_artifact(path.read_bytes())
            loaded.append(detector.name)
    return loaded


__all__ = ["Trainable", "artifact_path", "load_trained", "save_trained"]
