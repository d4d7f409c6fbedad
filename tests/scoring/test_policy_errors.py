"""Policy files checked as a whole against the registry: every problem at once, each with its
file, line and the nearest valid name. The expected messages are snapshot files; after a
deliberate change of wording, rewrite them with ``python -m tests.scoring.test_policy_errors``
and review the diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from unmask.plugins import load_plugins
from unmask.scoring import Known, PolicyError, parse_policy

plugins = load_plugins()
registry = plugins.detectors

HERE = Path(__file__).parent
CASES = sorted((HERE / "policies").glob("*.toml"))


def known() -> Known:
    return plugins.known()


def message(case: Path) -> str:
    try:
        parse_policy(case.read_text(), case.name, known())
    except PolicyError as exc:
        return str(exc) + "\n"
    raise AssertionError(f"{case.name} was accepted")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_error_messages_match_their_snapshot(case: Path) -> None:
    expected = (HERE / "snapshots" / f"{case.stem}.txt").read_text()
    assert message(case) == expected


def test_every_problem_is_reported_not_only_the_first() -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy((HERE / "policies" / "many_problems.toml").read_text(), "m.toml", known())
    lines = [p.line for p in caught.value.problems]
    assert len(caught.value.problems) >= 9
    assert lines == sorted(lines)  # in file order
    assert all(line is not None for line in lines)


def test_a_misspelt_detector_is_refused_with_the_nearest_name() -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy("version = 'x'\n[detectors.shared_photos]\nweight = 0.8\n", "p.toml", known())
    (problem,) = caught.value.problems
    assert problem.line == 2 and "did you mean 'shared_photo'?" in problem.message


def test_without_the_registry_only_the_schema_is_checked() -> None:
    policy = parse_policy("version = 'x'\n[detectors.someone_elses]\nweight = 0.4\n")
    assert policy.weight("someone_elses") == 0.4


if __name__ == "__main__":
    for case in CASES:
        (HERE / "snapshots" / f"{case.stem}.txt").write_text(message(case))
        print(f"wrote snapshots/{case.stem}.txt")
