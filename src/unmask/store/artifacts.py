"""Trained detector artefacts on disk: $UNMASK_DATA_DIR/models/<name>.bin."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from unmask.detectors import Detector, TrainableDetector


def artifact_path(models_dir: Path, name: str) -> Path:
    return models_dir / f"{name}.bin"


def save_trained(models_dir: Path, detector: TrainableDetector) -> Path:
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
