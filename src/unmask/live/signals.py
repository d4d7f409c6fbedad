"""Live signals: the features of one event read as findings, so the policy combines them with
the detectors' findings exactly as it does at night (noisy-OR, weights from the policy)."""

from __future__ import annotations

from collections.abc import Mapping

from unmask.live import recon
from unmask.live.directory import Prior
from unmask.live.recon import ramp
from unmask.model import Evidence, Finding

SIGNALS_VERSION = "1"


def _finding(
    name: str, subject: str, score: float, text: str, member: str | None = None
) -> Finding:
    ev = Evidence(text, weight=round(score, 4), member_text=member)
    return Finding(name, SIGNALS_VERSION, subject, round(min(max(score, 0.0), 1.0), 6), (ev,))


def prior_finding(subject: str, prior: Prior | None) -> Finding:
    if prior is None:
        return Finding.abstain("batch_prior", SIGNALS_VERSION, subject, "not in a batch scan yet")
    text = f"nightly scan {prior.scan_id}: risk {prior.risk:.2f}, route {prior.route}"
    return _finding("batch_prior", subject, prior.risk, text)


def signup_signals(subject: str, f: Mapping[str, float]) -> list[Finding]:
    if "signups_subnet_day" not in f:
        return [
            Finding.abstain("registration_burst", SIGNALS_VERSION, subject, "no registration IP")
        ]
    hour, day = f["signups_subnet_hour"], f["signups_subnet_day"]
    same_domain = f.get("signups_subnet_domain_day", 0.0)
    same_agent = f.get("signups_subnet_agent_day", 0.0)
    score = max(ramp(hour, 3, 15), ramp(day, 10, 60), ramp(min(same_domain, same_agent), 4, 20))
    text = (
        f"{hour:.0f} sign-ups from this /24 in the last hour, {day:.0f} in a day "
        f"({same_domain:.0f} with the same e-mail domain, {same_agent:.0f} with the same browser)"
    )
    return [_finding("registration_burst", subject, score, text)]


def outreach_signals(subject: str, kind: str, f: Mapping[str, float]) -> list[Finding]:
    """Velocity, sensitive-sector targeting, concentration and acceptance of a sender."""
    out: list[Finding] = []
    if kind == "invitation":
        hour, day = f["invitations_hour"], f["invitations_day"]
        score = max(ramp(hour, 10, 60), ramp(day, 40, 200))
        text = f"{hour:.0f} invitations sent in the last hour, {day:.0f} in a day"
        distinct = f.get("distinct_targets_week", 1.0)
    else:
        hour, day = f["messages_hour"], f["distinct_recipients_day"]
        score = max(ramp(hour, 20, 120), ramp(day, 15, 80))
        text = f"{hour:.0f} messages in the last hour to {day:.0f} distinct members in a day"
        distinct = max(day, 1.0)
    out.append(_finding("outreach_velocity", subject, score, text))
    sens = f.get("sensitive_targets", 0.0)
    share = sens / max(distinct, 1.0)
    out.append(
        _finding(
            "sensitive_targeting",
            subject,
            ramp(sens, 3, 25) * ramp(share, 0.4, 0.9),
            f"{sens:.0f} distinct members in sensitive sectors approached in a week "
            f"({share:.0%} of those approached)",
        )
    )
    org = f.get("same_org_targets", 0.0)
    if org:
        text = f"{org:.0f} distinct members of the recipient's organisation approached in a week"
        out.append(_finding("org_concentration", subject, ramp(org, 3, 15), text))
    responded = f.get("responded", 0.0)
    if kind == "invitation" and responded >= 10:
        rate = f.get("accepted", 0.0) / responded
        text = f"{rate:.0%} of {responded:.0f} answered invitations were accepted"
        out.append(_finding("low_acceptance", subject, 1.0 - ramp(rate, 0.1, 0.4), text))
    return out


def view_signal(subject: str, f: Mapping[str, float]) -> Finding:
    parts = recon.components(f)
    return Finding(
        "reconnaissance", SIGNALS_VERSION, subject, recon.score(parts), recon.evidence(parts, f)
    )
