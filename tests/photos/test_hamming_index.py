"""The multi-index Hamming index against brute force."""

from __future__ import annotations

import numpy as np
import pytest

from unmask.detectors.hamming_index import HammingIndex


def _flip(code: np.ndarray, bits: int, rng: np.random.Generator) -> np.ndarray:
    unpacked = np.unpackbits(code)
    unpacked[rng.choice(unpacked.size, bits, replace=False)] ^= 1
    return np.packbits(unpacked)


def test_finds_every_hash_within_bands_minus_one_and_agrees_with_a_scan() -> None:
    rng = np.random.default_rng(0)
    codes = rng.integers(0, 256, size=(5000, 32), dtype=np.uint8)
    index = HammingIndex(256, 16)
    index.add_codes([f"k{i}" for i in range(len(codes))], codes)
    for i, flips in enumerate((0, 3, 8, 15)):
        query = _flip(codes[i], flips, rng)
        found = index.query(bytes(query).hex(), radius=15)
        assert found[0] == (f"k{i}", flips)
        assert found == index.query(bytes(query).hex(), radius=15, exhaustive=True)
    assert index.query(bytes(_flip(codes[9], 60, rng)).hex(), radius=15) == []


def test_hex_interface_hash_of_and_validation() -> None:
    index = HammingIndex(64, 4)
    index.add(["a", "b"], ["00000000000000ff", "ffffffffffffffff"])
    assert index.hash_of("a") == "00000000000000ff"
    assert index.query("00000000000000fe", radius=2) == [("a", 1)]
    assert len(index) == 2
    with pytest.raises(ValueError, match="hex digits"):
        index.add(["c"], ["abcd"])
    with pytest.raises(ValueError, match="multiple"):
        HammingIndex(100, 4)
    assert HammingIndex().query("0" * 64, 10) == []
