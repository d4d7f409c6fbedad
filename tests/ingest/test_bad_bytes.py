"""Bad bytes cost one line: undecodable or unparsable lines are quarantined with their line number
and the rest of the file proceeds, for JSONL, CSV and gzip inputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from unmask.formats import read_rows
from unmask.ingest import ingest
from unmask.store import Store

JUNK = b"\x00\xff\xfe\x89PNG\r\n\x1a"[:6]  # binary junk: not UTF-8, no newline in it


def _good(i: int) -> bytes:
    row = {"id": f"a{i}", "created_at": "2026-01-01T00:00:00Z", "name": f"Member {i}"}
    return json.dumps(row).encode() + b"\n"


def _jsonl_with_junk() -> bytes:
    lines = [_good(i) for i in range(1, 11)]
    lines.insert(4, JUNK + b"\n")  # line 5
    lines.insert(8, "caf\u00e9 ".encode("latin-1") + b"\n")  # line 9: latin-1, not UTF-8
    lines += [_good(i) for i in range(11, 21)]
    return b"".join(lines)


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_bad_bytes_cost_one_line(sqlite_store: Store, tmp_path: Path, gz: bool) -> None:
    data = _jsonl_with_junk()
    path = tmp_path / ("accounts.jsonl.gz" if gz else "accounts.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    result = ingest(sqlite_store, [path]).files[0]
    assert result.error is None
    assert (result.accepted, result.quarantined) == (20, 2)
    assert sorted(line for line, _, _ in result.problems) == [5, 9]
    assert all("UTF-8" in msg for _, _, msg in result.problems)
    assert sqlite_store.count("account") == 20


def test_csv_bad_bytes_cost_one_line(sqlite_store: Store, tmp_path: Path) -> None:
    rows = [b"id,created_at,name\n"]
    rows += [f"a{i},2026-01-01T00:00:00Z,Member {i}\n".encode() for i in range(1, 21)]
    rows.insert(3, b"a99,2026-01-01T00:00:00Z,\xff\xfe junk\n")  # line 4
    path = tmp_path / "accounts.csv"
    path.write_bytes(b"\xef\xbb\xbf" + b"".join(rows))  # a BOM, as spreadsheets write
    result = ingest(sqlite_store, [path]).files[0]
    assert result.error is None
    assert (result.accepted, result.quarantined) == (20, 1)
    assert [line for line, _, _ in result.problems] == [4]
    assert sqlite_store.count("account") == 20


def test_csv_quoted_cell_spanning_a_bad_line_is_quarantined_whole(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_bytes(b'id,created_at,name\na1,2026-01-01,"two\n\xff line"\na2,2026-01-01,Fine\n')
    rows = list(read_rows(path))
    errors = [(r.line, r.error or "") for r in rows if r.error]
    assert len(errors) == 1 and errors[0][0] == 3 and "line 3" in errors[0][1]
    assert [r.data for r in rows if r.data] == [
        {"id": "a2", "created_at": "2026-01-01", "name": "Fine"}
    ]


def test_truncated_gzip_keeps_what_was_read_and_reports_where_it_broke(tmp_path: Path) -> None:
    whole = gzip.compress(b"".join(_good(i) for i in range(1, 2001)))
    path = tmp_path / "accounts.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    rows = list(read_rows(path))
    good = [r for r in rows if r.data is not None]
    assert good, "lines before the break are kept"
    last = rows[-1]
    assert last.data is None and last.error and "truncated" in last.error
    assert last.line == len(good) + 1 or last.line == good[-1].line + 1


def test_truncated_gzip_csv_keeps_what_was_read(tmp_path: Path) -> None:
    body = b"id,created_at,name\n" + b"".join(
        f"a{i},2026-01-01,Member {i}\n".encode() for i in range(1, 3001)
    )
    whole = gzip.compress(body)
    path = tmp_path / "accounts.csv.gz"
    path.write_bytes(whole[: len(whole) // 2])
    rows = list(read_rows(path))
    assert sum(r.data is not None for r in rows) > 100
    assert rows[-1].error and "truncated" in rows[-1].error


def test_resume_skips_bad_lines_already_done(tmp_path: Path) -> None:
    path = tmp_path / "accounts.jsonl"
    path.write_bytes(_jsonl_with_junk())
    assert [r.line for r in read_rows(path, start=5) if r.error] == [9]
