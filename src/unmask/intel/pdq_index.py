"""Near-duplicate search over PDQ hashes (256 bits) with multi-index hashing, in numpy.

Each hash is cut into 16 chunks of 16 bits. Two hashes within Hamming distance 31 (PDQ's usual
match threshold) must agree on some chunk to within one bit (otherwise every chunk differs by at
least 2 bits: 32 in all), so the indexed side stores each chunk and its 16 one-bit variants; a
query's candidates are the exact chunk hits, verified by a full popcount. The result is exact (no
match within the threshold is missed) for thresholds up to 31.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

CHUNKS = 16
MAX_THRESHOLD = 2 * CHUNKS - 1


def to_words(hexes: Sequence[str]) -> NDArray[np.uint64]:
    """(n, 4) uint64 words from 64-hex-digit strings."""
    raw = bytes.fromhex("".join(hexes)) if hexes else b""
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64).reshape(len(hexes), 4)


def _chunks(words: NDArray[np.uint64]) -> NDArray[np.uint16]:
    """(n, 16) uint16 chunks, most significant first."""
    return words.astype(">u8").view(">u2").astype(np.uint16).reshape(len(words), CHUNKS)


class PdqIndex:
    def __init__(self, hexes: Sequence[str], threshold: int = MAX_THRESHOLD) -> None:
        if not 0 <= threshold <= MAX_THRESHOLD:
            raise ValueError(f"threshold must be in [0, {MAX_THRESHOLD}]")
        self.threshold = threshold
        self.words = to_words(hexes)
        n = len(hexes)
        chunks = _chunks(self.words)
        flips = np.concatenate([[0], 1 << np.arange(16)]).astype(np.uint16)  # 17 variants
        self._keys: list[NDArray[np.uint16]] = []
        self._owners: list[NDArray[np.int64]] = []
        owners = np.repeat(np.arange(n, dtype=np.int64), len(flips))
        for c in range(CHUNKS):
            keys = (chunks[:, c][:, None] ^ flips[None, :]).reshape(-1)
            order = np.argsort(keys, kind="stable")
            self._keys.append(keys[order])
            self._owners.append(owners[order])

    def __len__(self) -> int:
        return len(self.words)

    def query(
        self, hexes: Sequence[str]
    ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
        """(query index, indexed index, distance) of every pair within the threshold."""
        empty = np.zeros(0, dtype=np.int64)
        if not len(self) or not hexes:
            return empty, empty, empty
        q = to_words(hexes)
        qchunks = _chunks(q)
        qs: list[NDArray[np.int64]] = []
        ts: list[NDArray[np.int64]] = []
        for c in range(CHUNKS):
            keys = self._keys[c]
            lo = np.searchsorted(keys, qchunks[:, c], "left")
            hi = np.searchsorted(keys, qchunks[:, c], "right")
            counts = hi - lo
            total = int(counts.sum())
            if not total:
                continue
            qi = np.repeat(np.arange(len(q), dtype=np.int64), counts)
            starts = np.repeat(lo - np.cumsum(counts) + counts, counts)
            pos = starts + np.arange(total, dtype=np.int64)
            qs.append(qi)
            ts.append(self._owners[c][pos])
        if not qs:
            return empty, empty, empty
        n = len(self)
        pairs = np.unique(np.concatenate(qs) * n + np.concatenate(ts))
        qi, ti = pairs // n, pairs % n
        dist = np.bitwise_count(q[qi] ^ self.words[ti]).sum(axis=1).astype(np.int64)
        keep = dist <= self.threshold
        return qi[keep], ti[keep], dist[keep]
