"""Pure live decisions on hand-made event streams (in-memory windows, snapshot directory)."""

from __future__ import annotations

from tests.live.world import MEMBERS, events, invitation, message, signup, world

from unmask.live.assess import LiveScorer
from unmask.live.decide import RECIPIENT_WARNING, Decision
from unmask.live.directory import Prior, SnapshotDirectory
from unmask.live.events import LiveEvent
from unmask.live.windows import MemoryWindows
from unmask.model import Invitation
from unmask.model.enums import InvitationStatus
from unmask.plugins import load_plugins
from unmask.scoring import load_policy

registry = load_plugins().detectors


def _scorer() -> LiveScorer:
    policy = load_policy()
    return LiveScorer(
        policy, [registry.create(n) for n in policy.live.signup_detectors if n in registry]
    )


def _run(evs: list[LiveEvent], priors: dict[str, Prior] | None = None) -> list[Decision]:
    scorer, windows = _scorer(), MemoryWindows()
    directory = SnapshotDirectory(world(), priors)
    return [scorer.score(e, windows, directory) for e in evs]


def test_registration_burst_from_one_subnet_is_challenged_then_blocked() -> None:
    out = _run(events([signup(i) for i in range(30)]))
    assert out[0].decision == "allow"
    assert out[-1].decision in ("challenge", "block") and out[-1].risk > out[0].risk
    assert out[-1].features["signups_subnet_hour"] == 30
    assert any(r.signal == "registration_burst" for r in out[-1].reasons)
    other = _run(events([signup(99, ip="198.51.100.9")]))[0]
    assert other.decision == "allow" and other.features["signups_subnet_hour"] == 1


def test_ordinary_invitation_is_delivered() -> None:
    d = _run(events([invitation(1, "m000004", "m000005", "Good to meet you at the conference.")]))
    assert d[0].decision == "deliver" and d[0].recipient_warning is None


def test_off_platform_request_warns_the_recipient_plainly() -> None:
    body = "Great profile. Could we continue on WhatsApp? It is easier to talk there."
    d = _run(events([message(1, "m000004", "m000005", body)]))[0]
    assert d.decision == "warn_recipient"
    assert d.recipient_warning == RECIPIENT_WARNING
    assert "fake" not in RECIPIENT_WARNING.lower() and "spy" not in RECIPIENT_WARNING.lower()


def test_mass_outreach_to_sensitive_sectors_is_held() -> None:
    sensitive = [m.id for i, m in enumerate(MEMBERS, start=1) if i % 3 in (0, 1)][:60]
    note = "Impressed by your profile. Our client pays $3000 for a short report."
    evs = events(
        [invitation(i, "x-recruiter", r, note, minutes=i) for i, r in enumerate(sensitive)]
    )
    out = _run(evs)
    assert out[0].decision in ("deliver", "warn_recipient")
    assert out[-1].decision == "hold"
    assert out[-1].features["sensitive_targets"] == 60
    assert {"sensitive_targeting", "outreach_velocity"} <= {r.signal for r in out[-1].reasons}


def test_batch_prior_raises_the_live_risk() -> None:
    inv = events([invitation(1, "m000004", "m000005")])
    calm = _run(inv)[0]
    flagged = _run(inv, {"m000004": Prior(0.95, "auto_restrict", 7)})[0]
    assert flagged.risk > calm.risk and flagged.decision == "hold"
    assert any("nightly scan 7" in r.text for r in flagged.reasons)


def test_invitation_outcomes_feed_acceptance() -> None:
    evs: list[LiveEvent] = []
    for i in range(12):
        sent = invitation(i, "x-spammer", f"m{i + 1:06d}", minutes=i)
        evs.append(LiveEvent("invitation", sent))
        ignored = Invitation(
            **{
                **sent.model_dump(),
                "status": InvitationStatus.IGNORED,
                "responded_at": sent.sent_at,
            }
        )
        evs.append(LiveEvent("invitation", ignored))
    evs.append(LiveEvent("invitation", invitation(99, "x-spammer", "m000200", minutes=30)))
    out = _run(evs)
    assert out[1].decision == "recorded" and out[1].event_key == "invitation:inv0:ignored"
    last = out[-1]
    assert last.features["responded"] == 12 and last.features["accepted"] == 0
    assert any(r.signal == "low_acceptance" for r in last.reasons)
