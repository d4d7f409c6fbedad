"""The command contract (``unmask intel import``, ``export``, ``poll``) and the ATT&CK data."""

from __future__ import annotations

from pathlib import Path

import orjson
from tests.intel import world
from typer import Typer
from typer.testing import CliRunner

from unmask.cli import intel_cmd
from unmask.intel.service import import_paths
from unmask.store import Store


def _app() -> Typer:
    app = Typer()
    intel_cmd.register(app)
    app.command("noop")(lambda: None)
    return app


def test_import_export_and_poll_commands(data_home: Path, tmp_path: Path) -> None:
    store = Store.open()
    world.platform(store, with_labels=True)
    store.close()
    runner = CliRunner()
    out = tmp_path / "campaign.json"
    done = runner.invoke(
        _app(),
        ["intel", "export", "--campaign", world.CAMPAIGN, "--format", "stix", "--out", str(out)],
    )
    assert done.exit_code == 0, done.output
    assert orjson.loads(out.read_bytes())["type"] == "bundle"
    misp = runner.invoke(
        _app(), ["intel", "export", "--campaign", world.CAMPAIGN, "--format", "misp"]
    )
    assert misp.exit_code == 0 and '"Event"' in misp.output
    unknown = runner.invoke(_app(), ["intel", "export", "--campaign", "cmp-none"])
    assert unknown.exit_code == 2

    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "bundle.json").write_bytes(out.read_bytes())
    (folder / "broken.json").write_text('{"type": "bundle", "objects": [')
    (folder / "more.csv").write_text("kind,value\nemail,jobs@front.example\nphone,12\n")
    done = runner.invoke(_app(), ["intel", "import", str(folder)])
    assert done.exit_code == 0, done.output
    assert "indicator" in done.output and "csv-row" in done.output and "file" in done.output
    assert "rejected" in done.output and "not readable STIX" in done.output
    assert "retro-match: 3 account(s) matched" in done.output

    poll = runner.invoke(_app(), ["intel", "poll", "http://127.0.0.1:9/taxii2/collections/x/"])
    assert poll.exit_code == 1, "an unreachable TAXII server is an error, not a crash"


def test_mitre_attack_bundles(eval_data: Path, sqlite_store: Store) -> None:
    folder = eval_data / "intel" / "mitre-attack"
    summary = import_paths(sqlite_store, [folder])
    counts = summary.parsed.counts()
    total = sum(sum(c.values()) for c in counts.values())
    assert total == len(list(folder.glob("*.json")))
    assert not [o for o in summary.parsed.outcomes if o.status == "rejected"]
    assert summary.context == total, "campaign, intrusion set and relationships kept as context"
    assert summary.new == 0, "ATT&CK describes techniques, not persona indicators"
