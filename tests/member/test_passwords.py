"""The breach index, the corpora and the k-anonymity range answer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from unmask.passwords import (
    BreachIndex,
    PrefixError,
    build_from_file,
    check_prefix,
    common_table,
    local_check,
    range_answer,
)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest().upper()


@pytest.fixture
def index(tmp_path: Path) -> BreachIndex:
    lines = [f"pw{i}" for i in range(20_000)] + ["password"] * 3
    lines += [f"{_sha1('hunter2')}:77", f"{_sha1('Tr0ub4dor&3').lower()} 5", "", "x" * 40]
    src = tmp_path / "breach.txt"
    src.write_text("\n".join(lines) + "\n")
    stats = build_from_file(src, tmp_path / "b.idx", budget=64_000)  # forces many flushes
    assert stats.records == 20_000 + 4
    ix = BreachIndex(tmp_path / "b.idx")
    yield ix  # type: ignore[misc]
    ix.close()


def test_lookup_counts_plain_and_hashed_lines(index: BreachIndex) -> None:
    assert index.lookup(bytes.fromhex(_sha1("password"))) == 3
    assert index.lookup(bytes.fromhex(_sha1("hunter2"))) == 77
    assert index.lookup(bytes.fromhex(_sha1("Tr0ub4dor&3"))) == 5
    assert index.lookup(bytes.fromhex(_sha1("pw19999"))) == 1
    assert index.lookup(bytes.fromhex(_sha1("not in there"))) == 0


def test_index_is_sorted_and_ranges_are_complete(index: BreachIndex) -> None:
    hashes = [index._hash(i) for i in range(index.count)]
    assert hashes == sorted(hashes) and len(set(hashes)) == len(hashes)
    digest = _sha1("pw123")
    found = dict(index.range(digest[:5]))
    assert found[digest[5:]] == 1
    assert all(len(s) == 35 for s in found)


def test_repeated_lines_larger_than_the_budget_merge(tmp_path: Path) -> None:
    src = tmp_path / "skew.txt"
    src.write_text("same\n" * 20_000 + "other\n")
    build_from_file(src, tmp_path / "s.idx", budget=24_000)
    ix = BreachIndex(tmp_path / "s.idx")
    try:
        assert ix.count == 2 and ix.lookup(bytes.fromhex(_sha1("same"))) == 20_000
    finally:
        ix.close()


def test_range_answer_is_padded_and_flags_common_passwords(index: BreachIndex) -> None:
    digest = _sha1("password")
    entries = range_answer(digest[:5], [index], common_table())
    assert len(entries) % 128 == 0 and len(entries) >= 128
    hit = next(e for e in entries if e.suffix == digest[5:])
    assert hit.count == 3 and hit.common
    assert sum(1 for e in entries if e.count or e.common) < 10, "the rest is padding"
    assert local_check("qwerty", [], common_table()).common
    assert not local_check("correct horse battery staple 93!", [], common_table()).common


@pytest.mark.parametrize("bad", ["", "ABCD", "ABCDEF", "GHIJK", _sha1("password"), "ABCD/"])
def test_only_five_hex_digits_are_accepted(bad: str) -> None:
    with pytest.raises(PrefixError):
        check_prefix(bad)


def test_not_an_index_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.idx"
    path.write_bytes(b"not an index at all, really")
    with pytest.raises(ValueError, match="not an unmask password index"):
        BreachIndex(path)
