"""The detector contract.

A detector has an explicit, stable ``name`` (a storage key: never derived from the class name), a
``version`` (bump it when its output changes), ``needs`` (the record types it reads) and
``detect(snapshot, subjects)``, which returns exactly one finding per subject: scored, or abstained
with a reason when the data it needs is missing. Trainable detectors also implement ``fit`` and keep
learned state in attributes whose names end in ``_``; constructors store settings only. An unfitted
trainable detector still answers: it abstains ("not trained") or uses only its untrained parts.
Detectors whose features run on the batch engine also offer ``detect_batch``
(``BatchDetector``). Detectors read no environment: settings reach them through the constructor,
from the plugin that registers them. ``unmask train`` fits them from labels in the store and saves
``to_artifact()`` under ``$UNMASK_DATA_DIR/models/<name>.bin``; ``unmask scan`` loads it with
``load_artifact`` (``unmask.detectors.trainable``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from unmask.model import Finding, Snapshot

if TYPE_CHECKING:
    from unmask.detectors.network.runner import Features


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
class BatchDetector(Detector, Protocol):
    """A detector that also offers a batch form: the batch engine computes the feature tables
    once per scan at scale (DuckDB or Spark) and asks the object for its findings from them.
    ``detect(snapshot)`` must give the same findings (tests/engine/test_parity.py)."""

    tables: ClassVar[tuple[str, ...]]

    def detect_batch(self, features: Features, subjects: Sequence[str]) -> list[Finding]:
        """One finding per subject, from the computed feature tables."""
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
