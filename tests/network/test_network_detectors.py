from __future__ import annotations

from unmask.model import Finding, Snapshot
from unmask.plugins import load_plugins

registry = load_plugins().detectors


def _by_subject(name: str, snapshot: Snapshot) -> dict[str, Finding]:
    return {f.subject: f for f in registry.create(name).detect(snapshot)}


def test_fake_burst_scores_above_a_real_office(network: Snapshot) -> None:
    found = _by_subject("registration_cluster", network)
    office, fake = found["office0"], found["fake0"]
    assert fake.score is not None and office.score is not None
    assert fake.score > 0.4 > office.score
    assert "registered with 3 other account(s)" in fake.evidence[0].text
    assert set(fake.evidence[0].related) == {"fake1", "fake2", "fake3"}
    assert found["loner"].score == 0.0
    assert found["bare"].abstained and "registration" in found["bare"].reason


def test_targeted_escalating_outreach_scores_above_benign(network: Snapshot) -> None:
    found = _by_subject("outreach", network)
    hostile, benign = found["fake0"], found["shopper0"]
    assert hostile.score is not None and benign.score is not None
    assert hostile.score > 0.4 and benign.score < 0.15
    texts = " ".join(e.text for e in hostile.evidence)
    assert "sensitive sectors" in texts and "moved on to offers" in texts
    assert "invited 12 members of one organisation (Northwind Defence)" in texts
    assert found["office1"].abstained and found["office1"].reason.startswith("sent no")


def test_front_company_borrowing_a_real_name(network: Snapshot) -> None:
    found = _by_subject("employer_claims", network)
    fake, staff = found["fake0"], found["staff0"]
    assert fake.score is not None and fake.score >= 0.9
    assert "borrows the name of 'Northwind Defence'" in fake.evidence[0].text
    assert fake.evidence[0].related == ("nw",)
    assert staff.score == 0.0
    assert (
        found["loner"].score is not None
        and "no page on the platform" in found["loner"].evidence[0].text
    )
    assert found["bare"].abstained and found["bare"].reason == "no employer claimed"
