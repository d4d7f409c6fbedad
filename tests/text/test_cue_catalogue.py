"""The cue catalogue: money versus salary, the cues of each hallmark, escalation, and the schema's
located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from unmask.detectors.cues import (
    CatalogueError,
    find_cues,
    load_catalogue,
    member_reasons,
    parse_catalogue,
    read_sequence,
)


def _cats(text: str) -> set[str]:
    return {c.category for c in find_cues(text)}


@pytest.mark.parametrize(
    "text",
    [
        "We would pay USD 3,000 for a short report.",
        "The report is paid 3,000 USD.",
        "A paper of 8 pages, $2k, long-term cooperation possible.",
        "For the analysis we offer €1.5k–2k depending on length.",
        "Our fee is 2,500 dollars per article.",
        "A generous fee (USD 2,000) for a short report on the region.",
        "We need a short report on your sector. The fee is GBP 1,800.",
        "Pay is three times the market rate for a briefing.",
        "£1,500-£3,000 for 6-10 pages.",
    ],
)
def test_fee_for_a_report_fires_the_strong_payment_cue(text: str) -> None:
    assert "paid_report" in _cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The role is £68k base plus bonus and pension.",
        "Salary: $120,000 - $140,000 per year, hybrid.",
        "Day rate £550 outside IR35, six-month contract.",
        "Package around EUR 95k p.a. with equity.",
        "Compensation band is 140-160k USD annually.",
    ],
)
def test_an_advertised_salary_fires_no_payment_cue(text: str) -> None:
    assert not _cats(text) & {"paid_report", "payment"}


def test_other_money_is_the_weak_payment_cue() -> None:
    assert _cats("We pay $300 per hour for a call with our client.") >= {"payment"}
    assert "paid_report" not in _cats("We pay $300 per hour for a call with our client.")
    assert "payment" in _cats("The organisers offer an honorarium of €500.")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Add me on Telegram, it is easier.", "off_platform"),
        ("Let's talk on Signal.", "off_platform"),
        ("Write to my personal email instead.", "off_platform"),
        ("This platform is not convenient for me.", "off_platform"),
        ("Please open the spreadsheet at work, it needs macros.", "risky_file"),
        ("The password for the zip is 1234.", "risky_file"),
        ("Who else works on the radar upgrade?", "colleagues_request"),
        ("What is your clearance level now?", "clearance_request"),
        ("Do not tell your employer about our cooperation.", "secrecy"),
        ("We will cover your flights and hotel in Shanghai.", "travel"),
        ("Someone of your calibre is very rare.", "flattery"),
        ("What is really being discussed inside the ministry?", "nonpublic_request"),
    ],
)
def test_each_hallmark(text: str, cue: str) -> None:
    assert cue in _cats(text)


def test_signal_processing_is_not_an_app() -> None:
    assert _cats("I lead signal processing and signal integrity work.") == set()


def test_escalation_needs_a_strong_cue_after_a_clean_opening() -> None:
    drift = read_sequence(["Great talk at the forum.", "Could you share the internal plans?"])
    assert drift.escalated and "escalation" in drift.categories
    opening = read_sequence(["Share the internal plans?", "Thanks."])
    assert not opening.escalated
    assert not read_sequence(["Could you share the internal plans?"]).escalated


def test_member_reasons_come_from_the_fixed_vocabulary() -> None:
    cat = load_catalogue()
    reasons = member_reasons({"paid_report", "payment", "off_platform"})
    assert reasons == [cat.reasons["payment"], cat.reasons["off_platform"]]


def test_shipped_catalogue_is_valid_and_versioned() -> None:
    cat = load_catalogue()
    assert cat.version.startswith("cues-")
    assert {c.reason for c in cat.cues.values()} <= set(cat.reasons)
    assert any(c.strong for c in cat.cues.values())


def _shipped() -> str:
    path = Path(__file__).parents[2] / "src/unmask/detectors/cues/catalogue.toml"
    return path.read_text(encoding="utf-8")


def test_bad_pattern_is_reported_with_its_line() -> None:
    text = _shipped().replace("'\\blucrative\\b',", "'\\blucrative(',")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "lucrative(" in ln)
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(text, "cues.toml")
    assert err.value.line == line and "paid_report" in str(err.value)


def test_bad_weight_and_missing_reason_are_located() -> None:
    text = _shipped().replace("weight = 0.45\nstrong = true\nreason = \"payment\"",
                              "weight = 1.5\nstrong = true\nreason = \"payment\"", 1)  # fmt: skip
    with pytest.raises(CatalogueError, match=r"cues\.paid_report\.weight") as err:
        parse_catalogue(text, "cues.toml")
    assert err.value.line is not None and "weight = 1.5" in text.splitlines()[err.value.line - 1]
    no_reason = _shipped().replace('escalation = "the requests grow', 'other = "the requests grow')
    with pytest.raises(CatalogueError, match="escalation"):
        parse_catalogue(no_reason, "cues.toml")
    with pytest.raises(CatalogueError, match="unknown term"):
        parse_catalogue(_shipped().replace("'{money}',", "'{moneys}',", 1), "cues.toml")


def test_one_definition_for_the_detector_the_checker_and_the_live_path() -> None:
    from datetime import UTC, datetime

    from unmask.checker.cues import message_cues
    from unmask.detectors.approach_language import ApproachLanguage
    from unmask.live.assess import language_findings
    from unmask.live.events import LiveEvent
    from unmask.model import Account, Message, Snapshot

    texts = ["Impressed by your work.", "We pay USD 2,000 per report. Continue on Telegram?"]
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    account = Account(id="p", name="P", created_at=t0)
    msgs = [Message(id=f"m{i}", sender="p", recipient="r", sent_at=t0.replace(hour=i), body=t)
            for i, t in enumerate(texts)]  # fmt: skip
    snap = Snapshot(accounts={"p": account}, messages=msgs, as_of=t0.replace(hour=5))
    batch = ApproachLanguage().detect(snap, ["p"])[0]
    checker = message_cues("p", texts)
    assert batch.score == checker.score
    assert batch.evidence[0].data["categories"] == checker.evidence[0].data["categories"]
    event = LiveEvent("message", msgs[1])
    live = language_findings("p", [" ".join(texts)], {}, event)[0]
    assert {"paid_report", "off_platform", "flattery"} <= set(live.evidence[0].data["categories"])
