"""The pure checker: levels, plain reasons, redaction, intake and the exposure audit."""

from __future__ import annotations

import json

import pytest
from tests.member.world import (
    GENUINE_MESSAGES,
    PERSONA_MESSAGES,
    T0,
    genuine_json,
    persona_json,
    world,
)

from unmask.checker import (
    CheckRequest,
    IntakeError,
    audit,
    profile_from_input,
    run_check,
)
from unmask.detectors.base import Detector
from unmask.model import Evidence, Finding
from unmask.plugins import load_plugins
from unmask.scoring import load_policy

registry = load_plugins().detectors


@pytest.fixture(scope="module")
def detectors() -> list[Detector]:
    return [registry.create(n) for n in registry.names()]


def _check(data: dict[str, object], messages: tuple[str, ...], dets: list[Detector], **kw: object):  # type: ignore[no-untyped-def]
    account = profile_from_input(data, T0)
    return run_check(
        CheckRequest(account, messages, kw.get("answers", {})),
        dets,
        load_policy(),
        kw.get("context", world()),
    )  # type: ignore[arg-type]


def test_campaign_persona_is_high_with_plain_reasons(detectors: list[Detector]) -> None:
    public = _check(persona_json(), PERSONA_MESSAGES, detectors).public
    assert public.risk == "high"
    assert "this photo appears on other accounts" in public.reasons
    assert any("money for reports" in r for r in public.reasons)
    assert any("another app" in r for r in public.reasons)
    assert any("Report" in a for a in public.advice)


def test_genuine_profile_is_low_without_reasons(detectors: list[Detector]) -> None:
    public = _check(genuine_json(), GENUINE_MESSAGES, detectors).public
    assert public.risk == "low"
    assert public.reasons == ()


def test_messages_alone_can_make_a_profile_medium_or_high(detectors: list[Detector]) -> None:
    public = _check(genuine_json(), PERSONA_MESSAGES[1:], detectors).public
    assert public.risk in ("medium", "high")


def test_answers_to_the_questions_count(detectors: list[Detector]) -> None:
    answers = {"large_offer": True, "off_platform": True, "vague_employer": True}
    public = _check(
        {"name": "Li Wei", "headline": "Consultant"}, (), detectors, answers=answers, context=None
    ).public
    assert public.risk == "high"
    assert "you were offered unusually large pay" in public.reasons


def test_public_answer_carries_no_scores_or_weights(detectors: list[Detector]) -> None:
    result = _check(persona_json(), PERSONA_MESSAGES, detectors)
    text = json.dumps(result.public.as_dict())
    assert set(result.public.as_dict()) == {"risk", "reasons", "advice", "questions"}
    assert str(result.assessment.risk) not in text
    for finding in result.assessment.findings:
        for ev in finding.evidence:
            assert ev.text not in text or ev.text == ev.member_text
    assert not any(ch.isdigit() for r in result.public.reasons for ch in r)


def test_intake_accepts_export_and_typed_fields() -> None:
    export = {
        "firstName": "Helen",
        "lastName": "Marsh",
        "headline": "Talent Partner",
        "positions": [{"companyName": "Meridian", "title": "Partner", "startDate": "2025-11"}],
    }
    account = profile_from_input(export, T0)
    assert account.name == "Helen Marsh" and account.positions[0].employer == "Meridian"
    typed = profile_from_input({"name": "A B", "employer": "X Ltd", "title": "CEO"}, T0)
    assert typed.positions[0].title == "CEO"
    assert (T0 - typed.created_at).days >= 3650, "unknown age is taken as not new"
    with pytest.raises(IntakeError):
        profile_from_input({}, T0)
    with pytest.raises(IntakeError, match="created_at"):
        profile_from_input({"id": "x", "name": "x", "created_at": "yesterday"}, T0)


def test_exposure_score_drops_as_advice_is_followed() -> None:
    exposed = dict(
        genuine_json(),
        headline="Systems engineer, DV cleared, at Northwind Defence",
        about="Lead on Project SKYLARK avionics. Reach me at ben@example.org or +44 7700 900123.",
    )
    before = audit(profile_from_input(exposed, T0), world())
    ids = {i.id for i in before.items}
    assert {"clearance", "sensitive_employer", "project_detail", "contact_details"} <= ids
    assert "network_concentration" in ids
    fixed = dict(exposed, headline="Systems engineer", about="Engineer; avionics.")
    after = audit(profile_from_input(fixed, T0), world())
    assert after.score < before.score
    assert all(i.advice for i in before.items)


def test_stored_findings_take_precedence(detectors: list[Detector]) -> None:
    stored = Finding(
        "shared_photo",
        "1",
        "eng-1",
        0.9,
        (Evidence("photo matches 4 accounts", 0.9, "this photo appears on other accounts"),),
    )
    account = profile_from_input(genuine_json(), T0)
    result = run_check(CheckRequest(account), detectors, load_policy(), world(), [stored])
    assert result.public.risk in ("medium", "high")
    assert result.public.reasons[0] == "this photo appears on other accounts"


def test_typed_profile_is_not_scored_from_absent_data(detectors: list[Detector]) -> None:
    typed = {"name": "Sam Ortiz", "headline": "Engineer", "employer": "Nowhere Ltd"}
    result = _check(typed, (), detectors, context=None)
    assert result.public.risk == "low"
    by_name = {f.detector: f for f in result.assessment.findings}
    assert "sparse_profile" not in by_name, "typed input says nothing about verification"
    claims = _check(typed, (), detectors, context=world()).assessment.findings
    assert all(f.detector != "employer_claims" or f.score is None or f.score < 1 for f in claims)


def test_employer_claims_abstains_when_no_organisation_is_known() -> None:
    from unmask.detectors.employer_claims import EmployerClaims
    from unmask.model import Snapshot

    account = profile_from_input({"name": "A B", "employer": "X Ltd"}, T0)
    snap = Snapshot(accounts={account.id: account}, as_of=T0)
    (finding,) = EmployerClaims().detect(snap, [account.id])
    assert finding.score is None and "no organisations" in finding.reason


def test_a_detector_that_cannot_explain_itself_does_not_raise_the_level(
    detectors: list[Detector],
) -> None:
    account = profile_from_input(genuine_json(), T0)
    silent = Finding("shared_photo", "1", "eng-1", 1.0, (Evidence("reviewer-only fact", 1.0),))
    learned = Finding(
        "profile_model", "1", "eng-1", 1.0, (Evidence("model", 1.0, "it looks fake"),)
    )
    result = run_check(CheckRequest(account), detectors, load_policy(), world(), [silent, learned])
    assert result.public.risk == "low" and result.public.reasons == ()


def test_the_members_access_counts_only_with_a_strong_cue(detectors: list[Detector]) -> None:
    from unmask.checker.situation import situation_from

    me = situation_from({"role": "Systems engineer", "sector": "defence", "clearance": True})
    account = profile_from_input({"name": "Li Wei", "headline": "Consultant"}, T0)
    policy = load_policy()
    offer = ("Our client pays USD 3,000 for a short report on your programme.",)
    without = run_check(CheckRequest(account, offer), detectors, policy).assessment.risk
    with_me = run_check(CheckRequest(account, offer, {}, me), detectors, policy)
    assert with_me.assessment.risk > without
    assert any("access" in r for r in with_me.public.reasons)
    hello = ("Great to meet you at the conference.",)
    plain = run_check(CheckRequest(account, hello, {}, me), detectors, policy).public
    assert plain.risk == "low"


def test_hostile_and_genuine_look_alikes(detectors: list[Detector]) -> None:
    hostile = (
        "I came across your profile and was impressed by your experience.",
        "We offer a generous fee (USD 2,000) for a short report.",
        "Could we continue on WhatsApp?",
    )
    colleague = ("Hi, could you send me the slides from your talk last week?",)
    recruiter = ("The role is £68k base plus bonus, SC clearance required. Send your CV?",)
    profile = {"name": "Helen Marsh", "headline": "Talent Partner"}
    assert _check(profile, hostile, detectors, context=None).public.risk == "high"
    assert _check(profile, colleague, detectors, context=None).public.risk == "low"
    assert _check(profile, recruiter, detectors, context=None).public.risk == "low"


def test_situation_is_validated() -> None:
    from unmask.checker.situation import situation_from

    with pytest.raises(IntakeError, match="unknown field"):
        situation_from({"rank": "x"})
    with pytest.raises(IntakeError, match="clearance"):
        situation_from({"clearance": "yes"})
    me = situation_from({"role": "Nurse", "sector": "health"})
    assert me is not None and not me.has_access
