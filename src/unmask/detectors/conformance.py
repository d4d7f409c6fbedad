"""The conformance suite every registered detector must pass (like scikit-learn's common checks).

``CHECKS`` are plain functions taking a detector factory; the test suite parametrises them over
every registered detector. They use a small hand-made snapshot with a complete profile, an empty
one and accounts with and without activity.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from unmask.detectors.base import Detector, TrainableDetector
from unmask.model import (
    Account,
    Connection,
    Education,
    Invitation,
    Message,
    Organisation,
    PhotoRef,
    Position,
    Snapshot,
)
from unmask.model.enums import InvitationStatus, Sector

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def conformance_snapshot() -> Snapshot:
    org = Organisation(
        id="o1",
        name="Northwind Defence",
        created_at=T0 - timedelta(days=3000),
        sector=Sector.DEFENCE,
        verified=True,
    )
    full = Account(
        id="full",
        created_at=T0 - timedelta(days=2000),
        name="Ada Example",
        headline="Systems engineer at Northwind Defence",
        location="Bristol",
        about="Systems engineer working on avionics integration and test for fifteen years.",
        photo=PhotoRef(sha256="a" * 64, pdq="f" * 64),
        positions=(
            Position(
                employer="Northwind Defence",
                organisation_id="o1",
                title="Engineer",
                start="2015-01",
                description="Avionics integration.",
            ),
            Position(employer="Acme", title="Graduate", start="2011-09", end="2014-12"),
        ),
        education=(Education(school="University of Bristol", degree="MEng", end="2011"),),
        skills=("avionics", "systems engineering"),
        verified_email=True,
        verified_workplace=True,
    )
    empty = Account(id="empty", created_at=T0 - timedelta(days=3), name="X")
    twin = Account(
        id="twin",
        created_at=T0 - timedelta(days=5),
        name="Sarah Lin",
        headline="Senior Recruiter | Global Talent Partners",
        photo=PhotoRef(sha256="a" * 64, pdq="f" * 64),
    )
    quiet = Account(id="quiet", created_at=T0 - timedelta(days=900), name="Quiet Member")
    invites = [
        Invitation(
            id=f"i{k}",
            sender="twin",
            recipient=r,
            sent_at=T0 - timedelta(hours=k),
            note="Impressed by your profile. I have a well-paid consulting opportunity.",
            status=InvitationStatus.IGNORED,
            responded_at=T0,
        )
        for k, r in enumerate(["full", "quiet", "empty"], start=1)
    ]
    msgs = [
        Message(
            id="m1",
            sender="twin",
            recipient="full",
            sent_at=T0,
            body="Could we continue on WhatsApp? My client pays $3000 for a short report.",
        )
    ]
    conns = [Connection(source="full", target="quiet", created_at=T0 - timedelta(days=100))]
    return Snapshot(
        accounts={a.id: a for a in (full, empty, twin, quiet)},
        organisations={org.id: org},
        connections=conns,
        invitations=invites,
        messages=msgs,
        as_of=T0,
    )


def _prepared(factory: Callable[[], Detector]) -> Detector:
    detector = factory()
    if isinstance(detector, TrainableDetector) and hasattr(detector, "fit"):
        snapshot = conformance_snapshot()
        detector.fit(snapshot, {"twin": True, "full": False, "quiet": False, "empty": True})
    return detector


def check_declares_identity(factory: Callable[[], Detector]) -> None:
    detector = factory()
    assert isinstance(detector.name, str) and detector.name, "needs a name"
    assert detector.name == detector.name.strip().lower(), "names are lower-case storage keys"
    assert isinstance(detector.version, str) and detector.version, "needs a version"
    assert detector.description, "needs a description"
    assert isinstance(detector.needs, frozenset)


def check_one_finding_per_subject(factory: Callable[[], Detector]) -> None:
    snapshot = conformance_snapshot()
    findings = _prepared(factory).detect(snapshot)
    assert sorted(f.subject for f in findings) == sorted(snapshot.accounts)
    subset = _prepared(factory).detect(snapshot, ["quiet", "full"])
    assert [f.subject for f in subset] == ["quiet", "full"], "answers in the order asked"


def check_scores_and_evidence(factory: Callable[[], Detector]) -> None:
    detector = _prepared(factory)
    for finding in detector.detect(conformance_snapshot()):
        assert finding.detector == detector.name and finding.version == detector.version
        if finding.score is None:
            assert finding.reason, "an abstention says why"
        else:
            assert 0.0 <= finding.score <= 1.0
            assert finding.evidence and all(e.text for e in finding.evidence)


def check_deterministic(factory: Callable[[], Detector]) -> None:
    first = _prepared(factory).detect(conformance_snapshot())
    second = _prepared(factory).detect(conformance_snapshot())
    assert [(f.subject, f.score) for f in first] == [(f.subject, f.score) for f in second]


def check_abstains_on_missing_data(factory: Callable[[], Detector]) -> None:
    detector = _prepared(factory)
    empty = Snapshot(as_of=T0)
    findings = detector.detect(empty, ["ghost"])
    assert len(findings) == 1 and findings[0].score is None, "unknown account: abstain, not 0"
    assert detector.detect(empty) == [] or all(f.score is None for f in detector.detect(empty))


CHECKS: tuple[Callable[[Callable[[], Detector]], None], ...] = (
    check_declares_identity,
    check_one_finding_per_subject,
    check_scores_and_evidence,
    check_deterministic,
    check_abstains_on_missing_data,
)
