"""Adapters that map third-party labelled data sets into the interchange format.

Each adapter returns a ``LabelledSet``: a ``Snapshot`` of ``Account`` records (with ``stats``) and
the snapshot's ``as_of``, the labels, and what the source does not carry, so that detectors are
trained and tested through the same features as production rather than on raw columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from unmask.detectors.profile_features import MODEL_FEATURES, features_without
from unmask.model import Snapshot


@dataclass(frozen=True)
class LabelledSet:
    """A data set in the interchange format.

    ``absent_fields``: record fields the source does not carry (their features are left out).
    ``synthetic_features``: features computed from placeholder text the adapter had to invent
    (a name rebuilt from a length and a digit count): also left out. ``confounds``: raw source
    columns kept aside, by account id, for with/without diagnostics only; never features.
    ``groups``: a sub-population per account (a bot family) for reporting, never a feature.
    ``as_of``: a per-account time the record was observed at, when the source has one (else the
    snapshot's ``as_of`` holds for every account).
    """

    name: str
    snapshot: Snapshot
    labels: Mapping[str, bool]
    absent_fields: frozenset[str]
    synthetic_features: frozenset[str] = frozenset()
    confounds: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    groups: Mapping[str, str] = field(default_factory=dict)
    as_of: Mapping[str, datetime] = field(default_factory=dict)

    def features(self) -> tuple[str, ...]:
        """The model's default features (``MODEL_FEATURES``) this data set can honestly support."""
        usable = set(features_without(self.absent_fields)) - self.synthetic_features
        return tuple(f for f in MODEL_FEATURES if f in usable)

    def ids(self) -> list[str]:
        return sorted(self.labels)

    def snapshot_for(self, account_id: str) -> Snapshot:
        """The snapshot to compute ``account_id``'s features in (its own ``as_of`` if known)."""
        when = self.as_of.get(account_id)
        return self.snapshot if when is None else replace(self.snapshot, as_of=when)


__all__ = ["LabelledSet"]
