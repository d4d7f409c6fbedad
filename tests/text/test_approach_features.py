from __future__ import annotations

import re

import pytest

from unmask.detectors.approach_features import (
    CATEGORIES,
    CATEGORY_WEIGHTS,
    cue_vector,
    find_cues,
    member_reason,
    rule_score,
)

CASES = {
    "flattery": "I was impressed by your background in avionics.",
    "paid_report": "My client pays $3000 for a short report.",
    "payment": "We can pay an honorarium for the talk.",
    "referral_bounty": "There is a referral fee for every candidate you introduce.",
    "travel": "All expenses paid, including business class flights.",
    "secrecy": "Please do not tell your manager about this.",
    "confidential": "Please keep this strictly confidential.",
    "urgency": "It is urgent, I need an answer within 24 hours.",
    "off_platform": "Let's continue on WhatsApp, or write to j.lee88@gmail.com.",
    "vague_client": "I work for clients in Asia who prefer to remain anonymous.",
    "framing": "I work for a think tank.",
    "nonpublic_request": "Any internal documents on the upcoming policy would help.",
    "colleagues_request": "Could you introduce me to some of your colleagues on the programme?",
    "clearance_request": "What is your security clearance level?",
    "cv_request": "Please send me your updated CV.",
    "document_link": "Please open the attached file: brief.pdf",
    "risky_file": "Open the attached workbook on your work laptop and enable macros.",
}


@pytest.mark.parametrize("category", [c for c in CATEGORIES if c != "escalation"])
def test_each_category_fires_on_its_example(category: str) -> None:
    cues = find_cues(CASES[category])
    assert category in {c.category for c in cues}
    for cue in cues:
        assert CASES[category][cue.start : cue.end].strip() == cue.phrase


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for connecting! Great to see you at the conference last week.",
        "I work on signal processing for radar at a university lab.",
        "Happy to review your pull request tomorrow.",
        "Congratulations on the new role.",
        "The role pays £68k base plus a 10% bonus.",
    ],
)
def test_ordinary_notes_fire_nothing(text: str) -> None:
    assert find_cues(text) == []
    assert rule_score(set()) == 0.0
    assert member_reason(set()) is None


def test_rule_score_grows_with_categories_and_stays_in_range() -> None:
    one = rule_score({"flattery"})
    two = rule_score({"flattery", "paid_report"})
    every = rule_score(set(CATEGORIES))
    assert 0.0 < one < two < every < 1.0
    assert one == pytest.approx(CATEGORY_WEIGHTS["flattery"])


def test_member_reason_is_coarse_plain_language() -> None:
    reason = member_reason({"paid_report", "off_platform", "flattery"})
    assert reason is not None
    assert "money for reports" in reason and "flattery" not in reason
    assert not re.search(r"\d", reason)


def test_cue_vector_counts_per_category() -> None:
    vec = cue_vector(CASES["off_platform"])
    assert list(vec) == list(CATEGORIES)
    assert vec["off_platform"] == 2.0 and vec["payment"] == 0.0
