"""Export inspection (issue 12, item 5): the synthetic exports of ``unmask.export.example`` read
from a folder, a zip, an upload and single CSVs; header variants, BOMs, blank rows and other
files tolerated; the approaches ranked with reasons and actions; the CLI's table, JSON and
HTML; the upload bounded before decoding (zip bombs)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from unmask.api import create_app
from unmask.cli.main import _register_commands, app
from unmask.export import ExportError, ExportLimits, ExportTooLargeError, inspect, read_export
from unmask.export.archive import read_zip
from unmask.export.example import files, write_example
from unmask.export.tables import parse_date, read_table
from unmask.store import Store

COMMITTED = Path(__file__).resolve().parents[1] / "data" / "exports" / "example"
HOSTILE = {"Helen Marsh", "Sarah Lin", "Daniel Reyes"}
GENUINE = {"Priya Shah", "Tom Becker", "Maria Okafor"}


def _by_name(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["name"]: a for a in result["approaches"]}


@pytest.mark.parametrize("variant", ["standard", "variants"])
def test_example_export_is_ranked(tmp_path: Path, variant: str) -> None:
    out = inspect(read_export(write_example(tmp_path / "ex", variant))).as_dict()
    assert out["member"] == "Alex Morgan"
    assert out["files"] == {"connections": 11, "invitations": 4, "messages": 18}
    assert out["skipped_rows"] == {"connections": 1, "invitations": 1, "messages": 1}
    assert out["contacts"] == 11 and out["people_who_wrote"] == 7
    assert out["risk_counts"] == {"high": 3, "medium": 2, "low": 3}
    people = _by_name(out)
    # not the member, nor connections who never wrote, but the front firm's silent "partner"
    assert set(people) == HOSTILE | GENUINE | {"Jonas Berg", "Mark Dorsey"}
    assert people["Mark Dorsey"]["risk"] == "medium" and people["Mark Dorsey"]["sent"] == 0
    assert "same employer" in people["Mark Dorsey"]["reasons"][0]
    assert people["Jonas Berg"]["risk"] == "medium"
    assert people["Jonas Berg"]["actions"][0].startswith("Verify who they are")
    assert [a["name"] for a in out["approaches"][:3]] == sorted(
        HOSTILE, key=[a["name"] for a in out["approaches"]].index
    )
    for name in HOSTILE:
        a = people[name]
        assert a["risk"] == "high" and a["reasons"]
        assert "Report the profile to the platform." in a["actions"]
        assert any("security team" in x for x in a["actions"])
    assert people["Helen Marsh"]["actions"][0] == "Remove the connection."
    assert people["Daniel Reyes"]["actions"][0].startswith("Ignore the invitation")
    assert not people["Daniel Reyes"]["connected"] and people["Jonas Berg"]["connected"]
    assert (
        "they wrote to you without being one of your connections"
        in (people["Daniel Reyes"]["reasons"])
    )
    assert any("same employer" in r for r in people["Sarah Lin"]["reasons"])
    for name in GENUINE:
        assert people[name]["risk"] == "low" and people[name]["reasons"] == []


def test_committed_example_is_the_generator_output(tmp_path: Path) -> None:
    for name, data in files("standard").items():
        assert (COMMITTED / name).read_bytes() == data, f"regenerate {name}"
    out = inspect(read_export(COMMITTED)).as_dict()
    zipped = inspect(read_export(write_example(tmp_path / "ex.zip", as_zip=True))).as_dict()
    assert out == zipped


def test_single_csv_and_headers_by_name(tmp_path: Path) -> None:
    only = tmp_path / "messages.csv"
    only.write_bytes(files("standard")["messages.csv"])
    out = inspect(read_export(only)).as_dict()
    assert out["files"] == {"messages": 18} and out["risk_counts"]["high"] >= 2
    shuffled = b'Notes:\n"a note, with a comma"\n\nContent,From,Date\n\nHello there,Ann Lee,\n'
    table = read_table("messages", shuffled)
    assert table.rows[0]["content"] == "Hello there" and table.rows[0]["sender"] == "Ann Lee"
    with pytest.raises(ExportError, match="no header row"):
        read_table("connections", b"Name,Place\nA,B\n")
    assert parse_date("08 Dec 2026") and parse_date("12/8/26, 3:04 PM")
    assert parse_date("2026-12-08 15:04:05 UTC") and parse_date("not a date") is None


def test_not_an_export_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ExportError, match=r"no Connections\.csv"):
        read_export(tmp_path)
    with pytest.raises(ExportError, match="no such file"):
        read_export(tmp_path / "missing.zip")


def _bomb(entries: int = 1, size: int = 200 << 20, name: str = "messages.csv") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(entries):
            with zf.open(name if i == 0 else f"junk/{i}.txt", "w") as fh:
                block = b"0" * (1 << 20)
                for _ in range(size >> 20 if i == 0 else 0):
                    fh.write(block)
    return buf.getvalue()


def test_zip_bombs_are_refused_before_inflating() -> None:
    bomb = _bomb()
    assert len(bomb) < 400_000  # 200 MiB of zeros
    limits = ExportLimits(max_members=50, max_total_bytes=64 << 20, max_file_bytes=16 << 20)
    with pytest.raises(ExportTooLargeError, match="declares"):
        read_zip(bomb, limits)
    with pytest.raises(ExportTooLargeError, match="entries"):
        read_zip(_bomb(entries=60, size=0), limits)
    per_file = ExportLimits(max_members=50, max_total_bytes=1 << 40, max_file_bytes=8 << 20)
    with pytest.raises(ExportTooLargeError, match="at most 8 MiB"):
        read_zip(_bomb(size=32 << 20), per_file)
    # a directory that understates the size: inflating stops at the declared size, and the
    # truncated file fails its CRC check instead of filling memory
    liar = bytearray(_bomb(size=32 << 20))
    cd = bytes(liar).rfind(b"PK\x01\x02")
    liar[cd + 24 : cd + 28] = (1024).to_bytes(4, "little")  # uncompressed size: 1 KiB
    with pytest.raises(ExportError, match="cannot be decompressed"):
        read_zip(bytes(liar), per_file)


@pytest.fixture
def client(sqlite_store: Store) -> TestClient:
    return TestClient(create_app(sqlite_store))


def test_upload_on_the_checker(client: TestClient, tmp_path: Path, sqlite_store: Store) -> None:
    zipped = write_example(tmp_path / "ex.zip", as_zip=True).read_bytes()
    before = sqlite_store.counts()
    res = client.post(
        "/api/v1/member/export", content=zipped, headers={"Content-Type": "application/zip"}
    )
    assert res.status_code == 200
    assert {a["name"] for a in res.json()["approaches"] if a["risk"] == "high"} == HOSTILE
    parts = [("files", (n, d)) for n, d in files("standard").items() if n.endswith(".csv")]
    multi = client.post("/api/v1/member/export", files=parts)
    assert multi.json() == res.json()
    html = client.post("/api/v1/member/export?format=html", files=parts)
    assert html.status_code == 200 and "<script" not in html.text and "Helen Marsh" in html.text
    assert sqlite_store.counts() == before  # nothing stored
    bomb = client.post(
        "/api/v1/member/export", content=_bomb(), headers={"Content-Type": "application/zip"}
    )
    assert bomb.status_code == 413 and "inspect-export" in bomb.json()["detail"]
    junk = client.post(
        "/api/v1/member/export",
        content=b"PK\x03\x04junk",
        headers={"Content-Type": "application/zip"},
    )
    assert junk.status_code == 422
    wrong = client.post("/api/v1/member/export", files=[("files", ("cv.pdf", b"%PDF-1.4"))])
    assert wrong.status_code == 422


def test_cli_table_json_and_html(tmp_path: Path) -> None:
    _register_commands()
    runner = CliRunner()
    ex = write_example(tmp_path / "ex.zip", as_zip=True)
    page = tmp_path / "page.html"
    table = runner.invoke(app, ["inspect-export", str(ex), "--html", str(page)])
    assert table.exit_code == 0, table.output
    assert "Helen Marsh" in table.output and "Priya Shah" not in table.output
    text = page.read_text()
    assert "Helen Marsh" in text and "<script" not in text
    out = runner.invoke(app, ["inspect-export", str(ex), "--json", "--all"])
    data = json.loads(out.output)
    assert {a["name"] for a in data["approaches"]} == HOSTILE | GENUINE | {
        "Jonas Berg",
        "Mark Dorsey",
    }
    bad = runner.invoke(app, ["inspect-export", str(tmp_path / "nope")])
    assert bad.exit_code != 0 and "no such file" in bad.output


def test_the_work_is_bounded_too(tmp_path: Path) -> None:
    """Each person's first messages are read; an upload with too many is refused (413)."""
    from unmask.export.inspect import PER_PERSON

    rows = ["FROM,TO,DATE,CONTENT"] + [
        f"Tom Becker,Alex Morgan,2026-10-01 10:{i % 60:02d}:00 UTC,Note {i}: slides please"
        for i in range(PER_PERSON + 5)
    ]
    out = inspect({"messages": "\n".join(rows).encode()}, "Alex Morgan")
    assert out.texts_read == PER_PERSON and out.texts_not_read == 5
    with pytest.raises(ExportTooLargeError, match="at most 10"):
        inspect({"messages": "\n".join(rows).encode()}, "Alex Morgan", max_texts=10)
