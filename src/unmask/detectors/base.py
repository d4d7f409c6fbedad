"""The detector contract.

A detector has an explicit, stable ``name`` (a storage key: never derived from the class name), a
``version`` (bump it when its output changes), ``needs`` (the record types it reads) and
``detect(snapshot, subjects)``, which returns exactly one finding per subject: scored, or abstained
with a reason when the data it needs is missing. Trainable detectors also implement ``fit`` and keep
learned state in attributes whose names end in ``_``; constructors store settings only. An unfitted
trainable detector still answers: it abstains ("not trained") or uses only its untrained parts.
``unmask train`` fits them from labels in the store and saves ``to_artifact()`` under
``$UNMASK_DATA_DIR/models/<name>.bin``; ``unmask scan`` loads it with ``load_artifact``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar, Protocol, runtime_checkable

from unmask.model import Finding, Snapshot


@runtime_checkable
class Detector(Protocol):
    name: ClassVar[str]
    version: ClassVar[str]
    needs: ClassVar[frozenset[str]]
    description: ClassVar[str]

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        """One finding per subject (default: every account in the snapshot)."""
        ...


@runtime_checkable
class TrainableDetector(Detector, Protocol):
    def fit(self, snapshot: Snapshot, labels: Mapping[str, bool]) -> TrainableDetector:
        """Learn from ``labels`` (account id -> is fake); returns self."""
        ...

    def to_artifact(self) -> bytes:
        """The learned state as a versioned, self-describing artefact (no pickle of code)."""
        ...

    def load_artifact(self, data: bytes) -> None:
        """Restore learned state written by ``to_artifact``; refuses another version's artefact."""
        ...


def subjects_of(snapshot: Snapshot, subjects: Sequence[str] | None) -> Sequence[str]:
    return sorted(snapshot.accounts) if subjects is None else subjects
