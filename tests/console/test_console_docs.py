"""docs/console.md keeps up with the review policy keys and the commands."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from unmask.cli.main import _register_commands, app
from unmask.scoring.policy import Review

DOC = (Path(__file__).resolve().parents[2] / "docs" / "console.md").read_text()


def test_every_review_key_is_documented() -> None:
    missing = [k for k in Review.model_fields if f"`{k}`" not in DOC]
    assert not missing, f"review policy keys missing from docs/console.md: {missing}"


def test_cli_help_matches() -> None:
    _register_commands()
    runner = CliRunner()
    for args, words in (
        (["audit", "--help"], ["verify", "export"]),
        (["audit", "verify", "--help"], ["exit 0"]),
        (["review", "--help"], ["sync", "queue"]),
    ):
        out = runner.invoke(app, args)
        assert out.exit_code == 0, out.output
        for word in words:
            assert word in out.output
            assert f"unmask {' '.join(a for a in args if a != '--help')}" in DOC
