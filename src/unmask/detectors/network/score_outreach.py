"""Scoring the approach pattern of an account's invitations and messages (shared by both engines).

What counts: how many it sends and how fast; how often the approached ignore it (discerning
targets turning it down is evidence); whether its targets sit in sensitive sectors far more than
the member base does; how many it approaches in one organisation; and whether its conversations
start cold and escalate to payment, travel, off-platform contact or insider questions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from unmask.model import Evidence, Finding

NAME, VERSION = "outreach", "1"


@dataclass(frozen=True)
class OutreachWeights:
    """How the parts combine. The policy versions these (``[detectors.outreach.params]`` in the
    shipped policy, whose values a test keeps equal to these defaults); a scan builds the
    detector with the policy's values. Set on the simulator's planted campaigns (synthetic,
    for sane behaviour only): not fitted to any evaluation set."""

    ignore: float = 0.30  # invitations: share of the ignore rate ...
    sensitive: float = 0.45  # ... of sensitive-sector targeting beyond the member base ...
    one_org: float = 0.25  # ... and of one-organisation targeting (the three sum to 1)
    escalation: float = 0.6  # messages: escalation to offers or off-platform contact ...
    cold_escalation: float = 0.4  # ... and cold openings that escalate (sum to 1)
    talk: float = 0.6  # how much the message pattern adds on top of the invitations

    def __post_init__(self) -> None:
        for key, value in vars(self).items():
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"outreach weight {key} must be in [0, 1], got {value}")
        if abs(self.ignore + self.sensitive + self.one_org - 1.0) > 1e-6:
            raise ValueError("outreach weights ignore + sensitive + one_org must sum to 1")
        if abs(self.escalation + self.cold_escalation - 1.0) > 1e-6:
            raise ValueError("outreach weights escalation + cold_escalation must sum to 1")


def _sat(x: float, scale: float) -> float:
    return 1.0 - math.exp(-max(x, 0.0) / scale)


def parts(r: Mapping[str, Any], base_sensitive: float) -> dict[str, float]:
    sent = int(r["n_sent"])
    answered = int(r["n_accepted"]) + int(r["n_ignored"])
    ignore = (int(r["n_ignored"]) + 0.5) / (answered + 2.0)  # shrunk towards 1/4
    known = int(r["n_known_sector"])
    share = int(r["n_sensitive"]) / known if known else 0.0
    excess = max(0.0, share - base_sensitive) / max(1.0 - base_sensitive, 1e-9)
    confidence = _sat(known, 8.0)
    steps = int(r["n_escalated"]) + 0.5 * (int(r["n_offplatform"]) + int(r["n_insider"]))
    return {
        "volume": _sat(sent, 25.0),
        "ignore": min(1.0, ignore * 1.5),
        "sensitive": excess * confidence,
        "one_org": _sat(int(r["top_org_n"]) - 2, 3.0),
        "escalation": _sat(steps, 2.0),
        "cold": _sat(int(r["n_cold"]) - 1, 4.0),
    }


def outreach_score(
    r: Mapping[str, Any], base_sensitive: float, w: OutreachWeights = OutreachWeights()
) -> float:
    p = parts(r, base_sensitive)
    mix = w.ignore * p["ignore"] + w.sensitive * p["sensitive"] + w.one_org * p["one_org"]
    invites = p["volume"] * mix
    talk = w.escalation * p["escalation"] + w.cold_escalation * p["cold"] * p["escalation"]
    return round(min(1.0, 1.0 - (1.0 - invites) * (1.0 - w.talk * talk)), 6)


def _evidence(r: Mapping[str, Any], base: float, score: float) -> tuple[Evidence, ...]:
    p = parts(r, base)
    out: list[Evidence] = []
    sent = int(r["n_sent"])
    if sent:
        days = max(1, round((int(r["last_sent"]) - int(r["first_sent"])) / 86_400))
        answered = int(r["n_accepted"]) + int(r["n_ignored"])
        out.append(
            Evidence(
                f"sent {sent} invitation(s) over {days} day(s), up to {r['max_week']} in one "
                f"week; {r['n_ignored']} of {answered} answered were ignored",
                weight=round(p["ignore"] * p["volume"], 4),
                member_text="it sends many connection requests" if sent >= 30 else None,
            )
        )
    known = int(r["n_known_sector"])
    if known:
        share = int(r["n_sensitive"]) / known
        top = f"; most in {r['top_sector']} ({r['top_sector_n']})" if r["top_sector"] else ""
        out.append(
            Evidence(
                f"{share:.0%} of {known} invited members with a known employer work in "
                f"sensitive sectors (member base: {base:.0%}){top}",
                weight=round(p["sensitive"], 4),
                member_text=(
                    "it mostly approaches people in sensitive jobs"
                    if p["sensitive"] > 0.3
                    else None
                ),
            )
        )
    if int(r["top_org_n"]) >= 3:
        out.append(
            Evidence(
                f"invited {r['top_org_n']} members of one organisation ({r['top_org']})",
                weight=round(p["one_org"], 4),
            )
        )
    if int(r["n_msg_recipients"]):
        out.append(
            Evidence(
                f"messaged {r['n_msg_recipients']} member(s), {r['n_cold']} before any "
                f"connection; {r['n_escalated']} conversation(s) moved on to offers or requests "
                f"(payment {r['n_payment']}, travel {r['n_travel']}, off-platform "
                f"{r['n_offplatform']}, insider {r['n_insider']})",
                weight=round(p["escalation"], 4),
                member_text=(
                    "its messages move to offers or off-platform contact"
                    if p["escalation"] > 0.5
                    else None
                ),
            )
        )
    return tuple(out) or (Evidence("no approach pattern", weight=score),)


def score_outreach(
    subjects: Iterable[str],
    known: Mapping[str, bool],
    rows: Iterable[Mapping[str, Any]],
    base_sensitive: float,
    weights: OutreachWeights = OutreachWeights(),
) -> list[Finding]:
    """One finding per subject; accounts that sent nothing abstain (nothing to judge)."""
    by_id = {str(r["id"]): r for r in rows}
    out: list[Finding] = []
    for subject in subjects:
        r = by_id.get(subject)
        if subject not in known:
            out.append(Finding.abstain(NAME, VERSION, subject, "no profile"))
        elif r is None:
            out.append(Finding.abstain(NAME, VERSION, subject, "sent no invitations or messages"))
        else:
            score = outreach_score(r, base_sensitive, weights)
            out.append(Finding(NAME, VERSION, subject, score, _evidence(r, base_sensitive, score)))
    return out
