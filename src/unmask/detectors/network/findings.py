"""From computed feature tables to findings: the step both engines and the detectors share."""

from __future__ import annotations

from collections.abc import Sequence

from unmask.detectors.network.runner import Features
from unmask.detectors.network.score_employer import score_employer
from unmask.detectors.network.score_outreach import OutreachWeights, score_outreach
from unmask.detectors.network.score_registration import score_registration
from unmask.model import Finding


def _registrations(features: Features) -> dict[str, bool]:
    rows = features.rows("acct", "id, subnet IS NOT NULL AS has_registration")
    return {str(r["id"]): bool(r["has_registration"]) for r in rows}


def registration_findings(features: Features, subjects: Sequence[str]) -> list[Finding]:
    return score_registration(
        subjects,
        _registrations(features),
        features.rows("reg_member"),
        features.rows("reg_cluster"),
    )


def base_sensitive(features: Features) -> float:
    row = features.rows("base_stats")[0]
    return int(row["n_sensitive"]) / max(int(row["n_with_sector"]), 1)


def outreach_findings(
    features: Features, subjects: Sequence[str], weights: OutreachWeights = OutreachWeights()
) -> list[Finding]:
    rows = features.rows("outreach")
    return score_outreach(
        subjects, _registrations(features), rows, base_sensitive(features), weights
    )


def employer_findings(features: Features, subjects: Sequence[str]) -> list[Finding]:
    return score_employer(
        subjects, _registrations(features), features.rows("employer"), features.as_of
    )
