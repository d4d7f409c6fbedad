"""Scoring claimed employers (shared by both engines).

A claim is doubtful when the employer has no page on the platform, is unverified, has no
verified employee, was created recently, or borrows the name of a real, older, verified
organisation (a front company). The current position counts fully, the two before it at 60%.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from unmask.model import Evidence, Finding

NAME, VERSION = "employer_claims", "1"
YEAR = 365 * 86_400
PAST_FACTOR = 0.6


def claim_score(c: Mapping[str, Any], as_of: int) -> tuple[float, list[str]]:
    """A claim's score and the reasons, in reviewer wording."""
    reasons: list[str] = []
    score = 0.0
    if c["org"] is None:
        score += 0.35
        reasons.append("has no page on the platform")
    else:
        if not c["org_verified"]:
            score += 0.2
            reasons.append("is not verified")
        if int(c["n_verified_staff"]) == 0:
            score += 0.2
            reasons.append("has no employee with a verified workplace")
        age = as_of - int(c["org_created"])
        if age < YEAR:
            score += 0.25
            reasons.append(f"was created {max(age, 0) // 86_400} days ago")
        if int(c["n_claimants"]) <= 3:
            score += 0.1
            reasons.append(f"is named by {c['n_claimants']} account(s) as current employer")
    if c["real_id"] is not None:
        score += 0.45
        reasons.append(
            f"borrows the name of {c['real_name']!r}, an older verified organisation "
            f"(similarity {float(c['sim']):.2f})"
        )
    return min(1.0, score), reasons


def _claim_evidence(c: Mapping[str, Any], score: float, reasons: list[str]) -> Evidence:
    when = "current employer" if int(c["pos"]) == 0 else "earlier employer"
    if not reasons:
        text = (
            f"{when} {c['employer']!r} is a verified organisation with "
            f"{c['n_verified_staff']} verified employee(s)"
        )
        return Evidence(text, weight=0.0)
    related = (str(c["real_id"]),) if c["real_id"] is not None else ()
    member = "its employer could not be confirmed" if score >= 0.4 else None
    text = f"{when} {c['employer']!r} " + "; ".join(reasons)
    return Evidence(text, weight=round(score, 4), member_text=member, related=related)


def score_employer(
    subjects: Iterable[str],
    known: Mapping[str, bool],
    rows: Iterable[Mapping[str, Any]],
    as_of: int,
) -> list[Finding]:
    claims: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for r in rows:
        claims[str(r["id"])].append(r)
    out: list[Finding] = []
    for subject in subjects:
        mine = sorted(claims.get(subject, ()), key=lambda c: int(c["pos"]))
        if subject not in known:
            out.append(Finding.abstain(NAME, VERSION, subject, "no profile"))
            continue
        if not mine:
            out.append(Finding.abstain(NAME, VERSION, subject, "no employer claimed"))
            continue
        best = 0.0
        evidence: list[Evidence] = []
        for c in mine:
            s, reasons = claim_score(c, as_of)
            weighted = s if int(c["pos"]) == 0 else s * PAST_FACTOR
            best = max(best, weighted)
            evidence.append(_claim_evidence(c, weighted, reasons))
        evidence.sort(key=lambda e: -e.weight)
        out.append(Finding(NAME, VERSION, subject, round(best, 6), tuple(evidence)))
    return out
