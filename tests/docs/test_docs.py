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
    from unmask.scoring.enforcement import Enforcement
    from unmask.scoring.live_policy import LivePolicy
    from unmask.scoring.policy import Combine, DetectorPolicy, Policy, Review, Routing

    doc = (ROOT / "docs" / "policy.md").read_text()
    for model in (Policy, Combine, Routing, DetectorPolicy, Review, Enforcement, LivePolicy):
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


def test_every_setting_is_documented() -> None:
    from unmask.settings import Settings

    doc = (ROOT / "docs" / "settings.md").read_text()
    missing = [n for n in Settings.model_fields if f"| `UNMASK_{n.upper()}` |" not in doc]
    assert not missing, f"settings missing from docs/settings.md: {missing}"


def test_every_unmask_variable_in_the_code_is_a_setting_or_documented() -> None:
    from unmask.settings import Settings

    doc = (ROOT / "docs" / "settings.md").read_text()
    fields = {f"UNMASK_{n.upper()}" for n in Settings.model_fields}
    used: set[str] = set()
    for folder in ("src", "tests", "bench", "scripts"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(
                re.findall(r"UNMASK_[A-Z][A-Z0-9_]*[A-Z0-9](?![A-Z0-9_*])", path.read_text())
            )
    undocumented = sorted(v for v in used if v not in fields and f"`{v}`" not in doc)
    assert not undocumented, f"variables neither settings nor documented: {undocumented}"


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "src" / "unmask").rglob("*.py")
        if re.search(r"os\.environ|os\.getenv|getenv\(", p.read_text())
    ]
    # intel poll's --password-env/--token-env name a variable of the operator's choosing
    assert readers == ["src/unmask/cli/intel_cmd.py"], readers


def test_detectors_doc_lists_every_registered_detector() -> None:
    from unmask.plugins import load_plugins

    doc = (ROOT / "docs" / "detectors.md").read_text()
    missing = [n for n in load_plugins().detectors.names() if f"| `{n}` |" not in doc]
    assert not missing, f"detectors missing from docs/detectors.md: {missing}"


def test_architecture_table_lists_every_package_in_the_layers_contract() -> None:
    import tomllib

    doc = (ROOT / "docs" / "architecture.md").read_text()
    src = ROOT / "src" / "unmask"
    packages = sorted(
        f"unmask.{p.name}" for p in src.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    )
    folders = [p for p in src.iterdir() if p.is_dir() and p.name != "__pycache__"]
    assert all((p / "__init__.py").exists() for p in folders), "every package has an __init__.py"
    modules = [f"unmask.{p.stem}" for p in src.glob("*.py") if not p.stem.startswith("__")]
    missing = [p for p in [*packages, *modules] if f"`{p}`" not in doc]
    assert not missing, f"packages missing from docs/architecture.md: {missing}"
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["type"] == "layers"]
    layered = {m.strip() for layer in layers["layers"] for m in re.split(r"[|:]", layer)}
    assert layered == {*packages, *modules}, "the layers contract names every package"


def test_an_invalid_setting_names_the_variable() -> None:
    import pytest

    from unmask.settings import SettingsError, load_settings

    with pytest.raises(SettingsError) as caught:
        load_settings(check_limit="abc", eval_workers=-1)
    assert "UNMASK_CHECK_LIMIT: expected requests/seconds" in str(caught.value)
    assert "UNMASK_EVAL_WORKERS" in str(caught.value)
