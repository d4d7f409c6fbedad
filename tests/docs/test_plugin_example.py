"""The "add a detector in a package of your own" example of docs/detectors.md, installed as a
package (a distribution with an ``unmask`` entry point on the path, as pip would leave it) and
run: listed by ``unmask detectors``, conformant, scanned, and known to the policy check."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from unmask.detectors.conformance import CHECKS
from unmask.model import Account, Snapshot
from unmask.plugins import Plugins, load_plugins
from unmask.scoring import Known, PolicyError, parse_policy

ROOT = Path(__file__).resolve().parents[2]


def _blocks(lang: str) -> list[str]:
    doc = (ROOT / "docs" / "detectors.md").read_text()
    section = doc.split("## Add a detector in a package of your own", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{lang}\n(.*?)```", section, re.S)


def install(target: Path) -> None:
    """What ``pip install`` leaves: the package and a dist-info with its entry points."""
    (plugin_code,) = _blocks("python")
    (pyproject,) = _blocks("toml")
    project = tomllib.loads(pyproject)["project"]
    package = target / "acme_unmask"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "plugin.py").write_text(plugin_code)
    info = target / f"acme_unmask-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    lines = [f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in points.items())
             for group, points in project["entry-points"].items()]  # fmt: skip
    (info / "entry_points.txt").write_text("\n".join(lines))


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Path]:
    install(tmp_path)
    sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith("acme_unmask")]:
            del sys.modules[name]


def _loaded() -> Plugins:
    plugins = load_plugins()
    assert "acme_lure_headline" in plugins.detectors
    return plugins


def test_the_cli_lists_the_plugins_detector(installed: Path) -> None:
    path = os.pathsep.join([str(installed), str(ROOT / "src")])
    env = dict(os.environ, PYTHONPATH=path, COLUMNS="200")
    out = subprocess.run(
        [sys.executable, "-m", "unmask", "detectors"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "acme_lure_headline" in out and "acme" in out


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_the_plugins_detector_conforms(installed: Path, check: object) -> None:
    registry = _loaded().detectors
    assert registry.origin("acme_lure_headline") == "acme"
    check(lambda: registry.create("acme_lure_headline"))  # type: ignore[operator]


def test_the_plugins_detector_runs_and_the_policy_knows_it(installed: Path) -> None:
    registry = _loaded().detectors
    now = datetime(2026, 1, 1, tzinfo=UTC)
    snapshot = Snapshot(
        accounts={
            "a": Account(id="a", created_at=now, name="A", headline="Headhunter, defence sector"),
            "b": Account(id="b", created_at=now, name="B", headline="Avionics engineer"),
        },
        as_of=now,
    )
    found = {f.subject: f for f in registry.create("acme_lure_headline").detect(snapshot)}
    assert found["a"].score == 0.5 and found["b"].score == 0.0
    known = Known(frozenset(registry.names()))
    policy = parse_policy(
        'version = "p"\n[detectors.acme_lure_headline]\nweight = 0.4\n', "p", known
    )
    assert policy.weight("acme_lure_headline") == 0.4
    with pytest.raises(PolicyError, match="did you mean 'acme_lure_headline'"):
        parse_policy('version = "p"\n[detectors.acme_lure_headlin]\nweight = 0.4\n', "p", known)


def test_without_the_package_its_detector_is_unknown() -> None:
    assert "acme_lure_headline" not in load_plugins().detectors


def test_two_plugins_offering_one_name_is_an_error_naming_both() -> None:
    from unmask.detectors import DuplicateDetectorError
    from unmask.detectors.sparse_profile import SparseProfile
    from unmask.hooks import PluginError, hookimpl

    class Copycat:
        @hookimpl
        def unmask_detectors(self, settings: object) -> list[type]:
            return [SparseProfile]

        @hookimpl
        def unmask_engines(self) -> dict[str, object]:
            return {"duckdb": object}

    with pytest.raises(DuplicateDetectorError, match="already registered \\(by builtin\\)"):
        load_plugins(extra=[Copycat()])

    class EngineOnly:
        @hookimpl
        def unmask_engines(self) -> dict[str, object]:
            return {"duckdb": object}

    with pytest.raises(PluginError, match="engine 'duckdb' is offered by builtin and"):
        load_plugins(extra=[EngineOnly()])


def test_the_builtin_plugin_comes_first() -> None:
    from unmask.hooks import hookimpl

    class Late:
        @hookimpl
        def unmask_suites(self) -> list[str]:
            return ["late"]

    suites = load_plugins(extra=[Late()]).suites
    assert suites[-1] == "late" and suites[0] != "late"
