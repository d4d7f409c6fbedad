"""Every record type round-trips through JSONL, CSV and Parquet."""

from __future__ import annotations

from pathlib import Path

import pytest

from unmask.formats import kind_for_path, read_rows, write_records
from unmask.model import RECORD_TYPES
from unmask.model.examples import EXAMPLES


def test_every_record_type_has_an_example() -> None:
    assert set(EXAMPLES) == set(RECORD_TYPES)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_round_trip(kind: str, fmt: str, tmp_path: Path) -> None:
    model = RECORD_TYPES[kind]
    record = model.model_validate(EXAMPLES[kind])
    minimal = model.model_validate(
        {k: v for k, v in EXAMPLES[kind].items() if model.model_fields[k].is_required()}
    )
    path = tmp_path / f"{kind}s.{fmt}"
    assert write_records(path, kind, [record, minimal]) == 2
    assert kind_for_path(path) == kind
    rows = list(read_rows(path))
    assert [r.error for r in rows] == [None, None]
    back = [model.model_validate(r.data) for r in rows]
    assert back == [record, minimal]


def test_gzip_jsonl(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "accounts.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "a", "created_at": "2026-01-01", "name": "A"}\n'))
    rows = list(read_rows(path))
    assert rows[0].data == {"id": "a", "created_at": "2026-01-01", "name": "A"}
