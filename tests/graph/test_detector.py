"""The ``trust_propagation`` detector on snapshots built here."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from unmask.detectors.trust_propagation import TrustPropagation
from unmask.model import Account, Connection, Invitation, Snapshot
from unmask.model.enums import InvitationStatus

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def account(i: str, verified: bool = False) -> Account:
    return Account(
        id=i, created_at=T0 - timedelta(days=400), name=f"Member {i}", verified_workplace=verified
    )


def snapshot() -> Snapshot:
    """Two cliques (h0..h5 honest, s0..s5 fake) joined by h5-s0; h0 and h1 verified; z alone."""
    honest = [f"h{i}" for i in range(6)]
    fake = [f"s{i}" for i in range(6)]
    accounts = [account(h, verified=h in {"h0", "h1"}) for h in honest]
    accounts += [account(s) for s in fake] + [account("z", verified=True)]
    pairs = [(g[i], g[j]) for g in (honest, fake) for i in range(6) for j in range(i + 1, 6)]
    pairs.append(("s0", "h5"))
    conns = [Connection(source=a, target=b, created_at=T0) for a, b in pairs]
    invites = [
        Invitation(
            id=f"i{k}",
            sender="s0",
            recipient=h,
            sent_at=T0 - timedelta(days=2),
            status=InvitationStatus.IGNORED if h != "h5" else InvitationStatus.ACCEPTED,
            responded_at=T0 - timedelta(days=1),
        )
        for k, h in enumerate(honest)
    ]
    return Snapshot(
        accounts={a.id: a for a in accounts}, connections=conns, invitations=invites, as_of=T0
    )


def test_fakes_score_higher_than_honest_members() -> None:
    for weighting in ("embedded", "similarity", "sybilrank"):
        findings = {f.subject: f for f in TrustPropagation(weighting).detect(snapshot())}
        honest = [findings[f"h{i}"].score or 0.0 for i in range(6)]
        fake = [findings[f"s{i}"].score for i in range(6)]
        assert all(s is not None for s in fake)
        assert max(honest) < min(s or 0.0 for s in fake)


def test_abstains_without_connections_or_seeds() -> None:
    findings = {f.subject: f for f in TrustPropagation().detect(snapshot(), ["z", "ghost"])}
    assert findings["z"].score is None and findings["z"].reason == "no connections"
    assert findings["ghost"].score is None
    unseeded = Snapshot(
        accounts={"a": account("a"), "b": account("b")},
        connections=[Connection(source="a", target="b", created_at=T0)],
        as_of=T0,
    )
    (finding,) = TrustPropagation().detect(unseeded, ["a"])
    assert finding.score is None and "verified" in finding.reason


def test_evidence_reads_as_a_reviewer_would() -> None:
    (finding,) = TrustPropagation().detect(snapshot(), ["s0"])
    texts = [e.text for e in finding.evidence]
    assert texts[0].startswith("after ") and "from 2 verified account(s)" in texts[0]
    assert "5 of its 6 answered invitations were ignored (83%)" in texts[1]
    assert all(e.member_text is None for e in finding.evidence)


def test_deterministic_and_order_preserving() -> None:
    first = TrustPropagation().detect(snapshot(), ["s3", "h2"])
    second = TrustPropagation().detect(snapshot(), ["s3", "h2"])
    assert [f.subject for f in first] == ["s3", "h2"]
    assert [f.score for f in first] == [f.score for f in second]


def test_known_fakes_seed_distrust() -> None:
    detector = TrustPropagation(known_fakes=["s5", "not-in-graph"])
    findings = {f.subject: f for f in detector.detect(snapshot())}
    assert "distrust from 1 known fake(s)" in findings["s0"].evidence[0].text
    assert any("known fake" in e.text for e in findings["s5"].evidence)
    honest = [findings[f"h{i}"].score or 0.0 for i in range(6)]
    assert max(honest) < min(findings[f"s{i}"].score or 0.0 for i in range(6))


def test_confirmed_fakes_in_the_store_seed_distrust_by_default() -> None:
    from unmask.model import Label
    from unmask.model.enums import LabelValue

    def label(account_id: str, fake: bool, days: int) -> Label:
        value = LabelValue.FAKE if fake else LabelValue.GENUINE
        return Label(
            account_id=account_id, label=value, source="reviewer", at=T0 - timedelta(days=days)
        )

    base = snapshot()
    labels = [label("s5", True, 3), label("h4", True, 5), label("h4", False, 1)]
    labelled = Snapshot(
        accounts=base.accounts,
        connections=base.connections,
        invitations=base.invitations,
        labels=labels,
        as_of=T0,
    )
    findings = {f.subject: f for f in TrustPropagation().detect(labelled)}
    # s5 is a confirmed fake; h4 was labelled fake, then genuine (the later decision wins)
    assert "distrust from 1 known fake(s)" in findings["s0"].evidence[0].text
    assert findings["s5"].evidence[0].data["distrust_seed"] is True
    assert findings["h4"].evidence[0].data["distrust_seed"] is False
    ignored = {f.subject: f for f in TrustPropagation(use_labels=False).detect(labelled)}
    assert "known fake" not in ignored["s0"].evidence[0].text


def test_evidence_names_the_weighting_and_why() -> None:
    (finding,) = TrustPropagation().detect(snapshot(), ["s0"])
    data = finding.evidence[0].data
    assert data["weighting"] in ("embedded", "sybilrank") and data["clustering"] is not None
    assert "chosen as the graph's clustering is" in finding.evidence[0].text
    (plain,) = TrustPropagation("sybilrank").detect(snapshot(), ["s0"])
    assert plain.evidence[0].data["clustering"] is None and "(unweighted)" in plain.evidence[0].text
