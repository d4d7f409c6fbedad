"""Pasted profile text, typed fields, the member's situation and non-profile input: the parser,
the intake, the exposure lexicon, the API and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.member.world import T0

from unmask.api import create_app
from unmask.checker import IntakeError, audit, profile_from_input
from unmask.checker.intake import profile_from_text
from unmask.checker.lexicon import parse_lexicon
from unmask.checker.paste import parse_paste
from unmask.detectors.cues import CatalogueError
from unmask.store import Store

PAGE = """Ben Carter
(He/Him)
Systems Engineer at BAE Systems | SC/DV cleared
Bristol, England, United Kingdom
Contact info
500+ connections

About
Flight control integration on the Tempest combat air programme. Keen cyclist.

Activity
Ben posted this • 2w
Great day at the airshow!

Experience
Systems Engineer
BAE Systems · Full-time
Jan 2019 - Present · 6 yrs
Warton, England
Graduate Engineer
Severn Aerospace
Sep 2015 - Dec 2018 · 3 yrs 4 mos

Education
University of Bristol
MEng, Aerospace Engineering
2011 - 2015

Skills
Systems engineering
MATLAB
"""


def test_parse_paste_reads_a_copied_profile_page() -> None:
    fields = parse_paste(PAGE)
    assert fields["name"] == "Ben Carter"
    assert fields["headline"].startswith("Systems Engineer at BAE Systems")
    assert fields["location"] == "Bristol, England, United Kingdom"
    assert "Tempest" in fields["about"] and "airshow" not in fields["about"]
    assert [(p["employer"], p["title"], p["current"]) for p in fields["positions"]] == [
        ("BAE Systems", "Systems Engineer", True),
        ("Severn Aerospace", "Graduate Engineer", False),
    ]
    assert fields["education"] == [
        {"school": "University of Bristol", "degree": "MEng, Aerospace Engineering"}
    ]
    assert fields["skills"] == ["Systems engineering", "MATLAB"]
    account = profile_from_text(PAGE, T0)
    assert account.positions[0].end is None and account.positions[1].end is not None


@pytest.mark.parametrize("bad", ['{"foo": 1}', "{}", "[1, 2]", "   ", '{"name": "x"'])
def test_input_that_is_not_a_profile_is_an_error(bad: str) -> None:
    with pytest.raises(IntakeError):
        profile_from_text(bad, T0)


def test_typed_fields_are_checked() -> None:
    with pytest.raises(IntakeError, match="unknown field"):
        profile_from_input({"colour": "red"}, T0)
    extra = profile_from_input({"name": "A", "url": "https://x.example/in/a", "connections": 5}, T0)
    assert extra.name == "A", "other keys next to a real profile are ignored"
    with pytest.raises(IntakeError, match="at least a name"):
        profile_from_input({"title": "CEO"}, T0)
    with pytest.raises(IntakeError, match="positions"):
        profile_from_input({"name": "A", "positions": "BAE"}, T0)


def test_exposure_finds_defence_employer_programme_and_clearance_from_the_lexicon() -> None:
    report = audit(profile_from_text(PAGE, T0))
    items = {i.id: i.seen for i in report.items}
    assert "BAE Systems" in items["sensitive_employer"]
    assert "Tempest" in items["project_detail"]
    assert "DV cleared" in items["clearance"]
    plain = audit(profile_from_input({"name": "A", "headline": "Nurse", "about": "a tempest"}, T0))
    assert plain.items == ()
    for text in ("Analyst, TS/SCI", "Holds active SC clearance", "eDV cleared engineer"):
        found = audit(profile_from_input({"name": "A", "headline": text}, T0))
        assert "clearance" in {i.id for i in found.items}, text


def test_lexicon_errors_are_located() -> None:
    text = (Path(__file__).parents[2] / "src/unmask/checker/lexicon.toml").read_text("utf-8")
    bad = text.replace("'\\bnuclear\\b'", "'\\bnuclear('")
    with pytest.raises(CatalogueError) as err:
        parse_lexicon(bad)
    assert err.value.line is not None and "nuclear(" in bad.splitlines()[err.value.line - 1]


@pytest.fixture
def client(world_store: Store) -> TestClient:
    return TestClient(create_app(world_store))


def test_api_accepts_pasted_text_and_the_members_situation(client: TestClient) -> None:
    messages = ["Our client pays USD 3,000 for a short report on your programme."]
    me = {"role": "Systems engineer", "sector": "defence", "clearance": True}
    res = client.post("/api/v1/check", json={"profile_text": PAGE, "messages": messages, "me": me})
    assert res.status_code == 200, res.text
    assert any("access" in r for r in res.json()["reasons"])
    bad_me = client.post("/api/v1/check", json={"profile_text": PAGE, "me": {"rank": 1}})
    assert bad_me.status_code == 422 and "unknown field" in bad_me.json()["detail"]
    foo = client.post("/api/v1/check", json={"profile": {"foo": 1}})
    assert foo.status_code == 422 and "not a profile" in foo.json()["detail"]
    exposure = client.post("/api/v1/exposure", json={"profile_text": PAGE})
    assert exposure.status_code == 200
    assert {"sensitive_employer", "project_detail", "clearance"} <= {
        i["id"] for i in exposure.json()["items"]
    }


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unmask", *args],
        capture_output=True, text=True, input=stdin, timeout=120,
    )  # fmt: skip


def test_cli_check_refuses_a_non_profile_and_reads_pasted_text(tmp_path: Path) -> None:
    res = _cli("check", '{"foo":1}', "--no-store", "--json")
    assert res.returncode != 0 and "not a profile" in res.stderr and '"risk"' not in res.stdout
    page = tmp_path / "profile.txt"
    page.write_text(PAGE, encoding="utf-8")
    msgs = tmp_path / "messages.txt"
    msgs.write_text(
        "Impressed by your profile.\n\nWe pay USD 2,000 for a short report.\n\n"
        "Please continue on WhatsApp.\n",
        encoding="utf-8",
    )
    me = '{"role": "engineer", "sector": "defence", "clearance": true}'
    out = _cli("check", str(page), "--messages", str(msgs), "--me", me, "--no-store", "--json")
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer["risk"] == "high" and answer["reasons"]
    exp = _cli("exposure", "-", "--json", stdin=PAGE)
    assert exp.returncode == 0, exp.stderr
    assert "sensitive_employer" in {i["id"] for i in json.loads(exp.stdout)["items"]}
