"""The approach-cue catalogue (``catalogue.toml``): one definition of the hostile-approach
hallmarks, shared by ``approach_language``, the member checker and the live path."""

from unmask.detectors.cues.match import (
    Cue,
    SequenceReading,
    compiled,
    find_cues,
    member_reasons,
    noisy_or,
    read_sequence,
    sentences,
)
from unmask.detectors.cues.schema import Catalogue, CatalogueError, load_catalogue, parse_catalogue

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Cue",
    "SequenceReading",
    "compiled",
    "find_cues",
    "load_catalogue",
    "member_reasons",
    "noisy_or",
    "parse_catalogue",
    "read_sequence",
    "sentences",
]
