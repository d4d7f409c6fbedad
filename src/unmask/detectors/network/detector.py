"""The base of the network detectors: one definition of the features (the network SQL), two ways
to run it. The batch engine computes the feature tables once per scan at scale (DuckDB or Spark)
and calls ``detect_batch`` on each detector object; ``detect(snapshot)`` computes just the tables
this detector reads, by DuckDB in process, and calls the same ``detect_batch``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.detectors.network.runner import Features, snapshot_features
from unmask.model import Finding, Snapshot


class NetworkDetector:
    name: ClassVar[str]
    version: ClassVar[str]
    needs: ClassVar[frozenset[str]]
    description: ClassVar[str]
    #: The feature tables (``unmask.detectors.network.sql_features``) ``detect_batch`` reads.
    tables: ClassVar[tuple[str, ...]]

    def detect_batch(self, features: Features, subjects: Sequence[str]) -> list[Finding]:
        raise NotImplementedError

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        wanted = list(subjects_of(snapshot, subjects))
        if not snapshot.accounts:
            return [Finding.abstain(self.name, self.version, s, "no profile") for s in wanted]
        return self.detect_batch(snapshot_features(snapshot, self.tables), wanted)
