"""``unmask evaluate --merge`` replaces only the suites it ran."""

from __future__ import annotations

from unmask.evaluation.report import merge_rows


def _row(suite: str, value: float) -> dict[str, object]:
    return {"detector": "d", "suite": suite, "split": "s", "metric": "m", "value": value, "n": 1}


def test_merge_replaces_only_the_suites_that_ran_and_keeps_their_place() -> None:
    old = [_row("a", 1.0), _row("b", 2.0), _row("b", 2.5), _row("c", 3.0)]
    new = [_row("b", 9.0), _row("z", 7.0)]
    merged = merge_rows(old, new)
    assert [(r["suite"], r["value"]) for r in merged] == [
        ("a", 1.0),
        ("b", 9.0),
        ("c", 3.0),
        ("z", 7.0),
    ]
