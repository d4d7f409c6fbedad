"""Detectors: each turns signals about accounts into findings with evidence."""

from unmask.detectors.base import BatchDetector, Detector, TrainableDetector, subjects_of
from unmask.detectors.registry import (
    Configured,
    DetectorFactory,
    DuplicateDetectorError,
    Registry,
    UnknownDetectorError,
)

__all__ = [
    "BatchDetector",
    "Configured",
    "Detector",
    "DetectorFactory",
    "DuplicateDetectorError",
    "Registry",
    "TrainableDetector",
    "UnknownDetectorError",
    "subjects_of",
]
