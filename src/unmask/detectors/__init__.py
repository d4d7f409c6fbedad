"""Detectors: each turns signals about accounts into findings with evidence."""

from unmask.detectors.base import Detector, TrainableDetector, subjects_of
from unmask.detectors.builtin import load_builtin
from unmask.detectors.registry import DuplicateDetectorError, Registry, register, registry

__all__ = [
    "Detector",
    "DuplicateDetectorError",
    "Registry",
    "TrainableDetector",
    "load_builtin",
    "register",
    "registry",
    "subjects_of",
]
