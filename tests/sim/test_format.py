"""The simulator's output is valid interchange data, deterministic, and keeps labels apart."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from typer import Typer
from typer.testing import CliRunner

from unmask.model import RECORD_TYPES
from unmask.sim import SimSummary, simulate

KINDS = {
    "accounts": "account",
    "organisations": "organisation",
    "connections": "connection",
    "invitations": "invitation",
    "messages": "message",
    "logins": "login",
    "reports": "report",
    "profile_views": "profile_view",
    "endorsements": "endorsement",
    "indicators": "indicator",
    "labels": "label",
}


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_seed_gives_byte_identical_files(tmp_path: Path, sim: tuple[Path, SimSummary]) -> None:
    folder, summary = sim
    again = simulate(summary.members, summary.seed, tmp_path / "again")
    assert _digests(folder) == _digests(tmp_path / "again")
    assert again.counts == summary.counts
    other = simulate(summary.members, summary.seed + 1, tmp_path / "other")
    assert _digests(other.out)["accounts.jsonl"] != _digests(folder)["accounts.jsonl"]


def test_every_row_of_every_file_validates(data: dict[str, Any]) -> None:
    for name, kind in KINDS.items():
        assert data[name], f"{name} is empty"
        model = RECORD_TYPES[kind]
        for row in data[name]:
            model.model_validate(row)


def test_references_resolve(data: dict[str, Any]) -> None:
    accounts = {a["id"] for a in data["accounts"]}
    orgs = {o["id"] for o in data["organisations"]}
    for a in data["accounts"]:
        for item in a["positions"] + a["education"]:
            assert item.get("organisation_id", next(iter(orgs))) in orgs
    for c in data["connections"]:
        assert c["source"] in accounts and c["target"] in accounts
    for name, fields in (
        ("invitations", ("sender", "recipient")),
        ("messages", ("sender", "recipient")),
        ("logins", ("account_id",)),
        ("endorsements", ("endorser", "endorsee")),
        ("reports", ("reporter", "reported")),
        ("labels", ("account_id",)),
    ):
        for row in data[name]:
            assert all(row[f] in accounts for f in fields), (name, row)
    invitations = {i["id"] for i in data["invitations"]}
    messages = {m["id"] for m in data["messages"]}
    for r in data["reports"]:
        assert r.get("invitation_id", next(iter(invitations))) in invitations
        assert r.get("message_id", next(iter(messages))) in messages
    pairs = [tuple(sorted((c["source"], c["target"]))) for c in data["connections"]]
    assert len(pairs) == len(set(pairs))


def test_labels_are_apart_from_the_data(sim: tuple[Path, SimSummary], data: dict[str, Any]) -> None:
    folder, summary = sim
    text = (folder / "accounts.jsonl").read_text()
    for hint in ("camp-", '"label"', "simulator", "persona", "look-alike"):
        assert hint not in text
    labels = {row["account_id"]: row for row in data["labels"]}
    assert len(labels) == summary.members == len(data["accounts"])
    fakes = [a for a in data["accounts"] if labels[a["id"]]["label"] == "fake"]
    assert 0.005 <= len(fakes) / summary.members <= 0.02
    assert all(labels[a["id"]].get("campaign") for a in fakes)
    # Same shape: fake rows use no key that genuine rows never use, and sit all over the file.
    genuine_keys = set().union(*(a.keys() for a in data["accounts"] if a not in fakes))
    assert set().union(*(a.keys() for a in fakes)) <= genuine_keys
    positions = [i for i, a in enumerate(data["accounts"]) if labels[a["id"]]["label"] == "fake"]
    assert positions[0] < summary.members * 0.2 and positions[-1] > summary.members * 0.8


def test_cli_writes_files_and_a_summary(tmp_path: Path) -> None:
    from unmask.cli import simulate_cmd

    app = Typer()
    simulate_cmd.register(app)
    app.command("noop")(lambda: None)  # keep 'simulate' a named sub-command
    result = CliRunner().invoke(
        app, ["simulate", "--members", "600", "--seed", "3", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "campaigns.json").is_file()
    assert "connections.jsonl" in result.output
    assert "Synthetic data" in result.output


def test_fakes_use_no_title_or_skill_genuine_members_never_use(data: dict[str, Any]) -> None:
    fake = {r["account_id"] for r in data["labels"] if r["label"] == "fake"}
    vocab: dict[bool, tuple[set[str], set[str]]] = {True: (set(), set()), False: (set(), set())}
    for a in data["accounts"]:
        titles, skills = vocab[a["id"] in fake]
        titles.update(p["title"] for p in a["positions"])
        skills.update(a["skills"])
    assert vocab[True][0] <= vocab[False][0]
    assert vocab[True][1] <= vocab[False][1]
