"""Tests that keep the docs honest."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from unmask.cli.main import _register_commands, app
from unmask.model.docgen import render

ROOT = Path(__file__).resolve().parents[2]


def test_format_doc_is_generated_from_the_models() -> None:
    committed = (ROOT / "docs" / "format.md").read_text()
    assert committed == render(), "run: python -m unmask.model.docgen > docs/format.md"


def _commands() -> list[str]:
    _register_commands()
    root = get_command(app)
    names: list[str] = []
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        names.append(name)
        for sub in getattr(cmd, "commands", {}):
            names.append(f"{name} {sub}")
    return names


def test_every_cli_command_is_documented() -> None:
    docs = (ROOT / "README.md").read_text() + "".join(
        p.read_text() for p in sorted((ROOT / "docs").glob("*.md"))
    )
    missing = [c for c in _commands() if not re.search(rf"unmask {re.escape(c)}\b", docs)]
    assert not missing, f"commands missing from README/docs: {missing}"


def test_readme_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme
    assert "make test" in readme


def test_every_policy_key_is_documented() -> None:
    from unmask.scoring.policy import Combine, DetectorPolicy, Policy, Routing

    doc = (ROOT / "docs" / "policy.md").read_text()
    for model in (Policy, Combine, Routing, DetectorPolicy):
        for key in model.model_fields:
            assert f"`{key}`" in doc, f"policy key {key!r} is not in docs/policy.md"


def test_evaluation_table_is_what_unmask_evaluate_measured() -> None:
    import json

    from unmask.evaluation.report import replace_table

    rows = json.loads((ROOT / "docs" / "evaluation.json").read_text())
    assert {"detector", "suite", "split", "metric", "value", "n"} <= set(rows[0])
    doc = (ROOT / "docs" / "evaluation.md").read_text()
    assert replace_table(doc, rows) == doc, (
        "run: unmask evaluate --json docs/evaluation.json --update-doc docs/evaluation.md"
    )
