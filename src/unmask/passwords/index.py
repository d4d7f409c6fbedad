"""A compact, sorted index of breached password hashes, built by streaming and read by bisection.

File layout (little-endian header, then records sorted by hash)::

    b"UMPWIDX1" | uint64 record count | records: SHA-1 (20 bytes) + uint32 count (24 bytes each)

Building is bounded in memory whatever the input size: one pass hashes each line and appends the
record to one of ``2**bits`` bucket files chosen by the hash's leading bits (SHA-1 spreads them
evenly), buffering at most ``budget`` bytes; each bucket is then sorted and de-duplicated in
memory (counts summed) and appended in order. A bucket that is still larger than the budget (a
file repeating the same hashes) is sorted in budget-sized runs and merged. Lookups read the file
through ``mmap`` and touch about log2(n) records.
"""

from __future__ import annotations

import heapq
import mmap
import os
import re
import struct
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from hashlib import sha1
from pathlib import Path
from typing import Any, BinaryIO

MAGIC = b"UMPWIDX1"
HEADER = struct.Struct("<8sQ")
RECORD = 24
_HASH_LINE = re.compile(rb"^([0-9A-Fa-f]{40})(?:[:\s,]+(\d+))?\s*$")
_MAX_COUNT = 0xFFFFFFFF


class NotAnIndexError(ValueError):
    """A file that is not an unmask password index."""


@dataclass(frozen=True)
class BuildStats:
    lines: int
    skipped: int
    records: int
    buckets: int
    path: str


def parse_line(line: bytes, mode: str = "auto") -> tuple[bytes, int] | None:
    """(SHA-1, count) of one input line: a plain password, or a SHA-1 hex with optional count."""
    line = line.rstrip(b"\r\n")
    if not line:
        return None
    if mode != "plain":
        m = _HASH_LINE.match(line)
        if m:
            count = int(m.group(2)) if m.group(2) else 1
            return bytes.fromhex(m.group(1).decode()), min(max(count, 1), _MAX_COUNT)
        if mode == "sha1":
            return None
    return sha1(line).digest(), 1


def _numpy() -> Any:
    import numpy as np

    return np


def _dtype() -> Any:
    return _numpy().dtype([("h", "S20"), ("n", "<u4")])


def _sorted_unique(arr: Any) -> Any:
    np = _numpy()
    if len(arr) == 0:
        return arr
    arr = arr[np.argsort(arr["h"], kind="stable")]
    starts = np.flatnonzero(np.r_[True, arr["h"][1:] != arr["h"][:-1]])
    counts = np.add.reduceat(arr["n"].astype(np.uint64), starts)
    out = arr[starts].copy()
    out["n"] = np.minimum(counts, _MAX_COUNT).astype(np.uint32)
    return out


def _merge_runs(runs: list[Any], out: BinaryIO) -> int:
    """Merge sorted, de-duplicated runs (the rare skewed-bucket path)."""
    written = 0
    current: tuple[bytes, int] | None = None
    streams = [((bytes(r["h"]).ljust(20, b"\0"), int(r["n"])) for r in run) for run in runs]
    merged = heapq.merge(*streams)
    for h, n in merged:
        if current is not None and current[0] == h:
            current = (h, min(current[1] + n, _MAX_COUNT))
            continue
        if current is not None:
            out.write(current[0] + struct.pack("<I", current[1]))
            written += 1
        current = (h, n)
    if current is not None:
        out.write(current[0] + struct.pack("<I", current[1]))
        written += 1
    return written


def _bucket_bits(size_hint: int, budget: int) -> int:
    needed = max(1, (size_hint // 10) * RECORD // max(budget // 2, 1))
    return min(12, max(4, needed.bit_length()))


def build_index(
    lines: Iterable[bytes],
    out: Path,
    size_hint: int = 0,
    budget: int = 64 << 20,
    mode: str = "auto",
) -> BuildStats:
    """Index ``lines`` into ``out`` (written atomically) using about ``budget`` bytes of memory."""
    np = _numpy()
    bits = _bucket_bits(size_hint, budget)
    shift = 8 - bits if bits <= 8 else 0
    out.parent.mkdir(parents=True, exist_ok=True)
    n_lines = skipped = 0
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".build-") as tmp:
        buffers: dict[int, bytearray] = {}
        buffered = 0

        def flush() -> None:
            for b, recs in buffers.items():
                with open(os.path.join(tmp, f"{b:04x}"), "ab") as fh:
                    fh.write(recs)
            buffers.clear()

        for line in lines:
            n_lines += 1
            parsed = parse_line(line, mode)
            if parsed is None:
                skipped += 1
                continue
            h, c = parsed
            bucket = h[0] >> shift if bits <= 8 else int.from_bytes(h[:2], "big") >> (16 - bits)
            buf = buffers.get(bucket)
            if buf is None:
                buf = buffers[bucket] = bytearray()
            buf += h
            buf += c.to_bytes(4, "little")
            buffered += RECORD
            if buffered >= budget // 2:
                flush()
                buffered = 0
        flush()
        part = out.with_name(out.name + ".part")
        total = 0
        with open(part, "wb") as fh:
            fh.write(HEADER.pack(MAGIC, 0))
            for b in range(1 << bits):
                path = os.path.join(tmp, f"{b:04x}")
                if not os.path.exists(path):
                    continue
                size = os.path.getsize(path)
                step = max(RECORD, (budget // 2) // RECORD * RECORD)
                runs = []
                with open(path, "rb") as src:
                    for _ in range(0, size, step):
                        chunk = np.frombuffer(src.read(step), dtype=_dtype())
                        runs.append(_sorted_unique(chunk))
                os.unlink(path)
                if len(runs) == 1:
                    fh.write(runs[0].tobytes())
                    total += len(runs[0])
                else:
                    total += _merge_runs(runs, fh)
            fh.seek(0)
            fh.write(HEADER.pack(MAGIC, total))
        os.replace(part, out)
    return BuildStats(n_lines, skipped, total, 1 << bits, str(out))


def build_from_file(
    source: Path, out: Path, budget: int = 64 << 20, mode: str = "auto"
) -> BuildStats:
    with open(source, "rb", buffering=1 << 20) as fh:
        return build_index(fh, out, source.stat().st_size, budget, mode)


class BreachIndex:
    """Read access to one index file: exact lookups and 5-hex-digit prefix ranges."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = open(path, "rb")  # noqa: SIM115 - closed in close()
        size = os.fstat(self._fh.fileno()).st_size
        if size < HEADER.size:
            raise NotAnIndexError(f"{path} is not an unmask password index")
        self._mm = mmap.mmap(self._fh.fileno(), 0, access=mmap.ACCESS_READ)
        magic, self.count = HEADER.unpack(self._mm[: HEADER.size])
        if magic != MAGIC or HEADER.size + self.count * RECORD != size:
            self.close()
            raise NotAnIndexError(f"{path} is not an unmask password index (or is truncated)")

    def close(self) -> None:
        if hasattr(self, "_mm"):
            self._mm.close()
        self._fh.close()

    def _hash(self, i: int) -> bytes:
        at = HEADER.size + i * RECORD
        return self._mm[at : at + 20]

    def _bisect(self, key: bytes) -> int:
        lo, hi = 0, self.count
        while lo < hi:
            mid = (lo + hi) // 2
            if self._hash(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def lookup(self, digest: bytes) -> int:
        """How often ``digest`` (20-byte SHA-1) was seen; 0 when absent."""
        i = self._bisect(digest)
        if i < self.count and self._hash(i) == digest:
            at = HEADER.size + i * RECORD + 20
            return int.from_bytes(self._mm[at : at + 4], "little")
        return 0

    def range(self, prefix: str) -> Iterator[tuple[str, int]]:
        """(35-hex-digit suffix, count) of every hash starting with the 5-hex-digit ``prefix``."""
        value = int(prefix, 16)
        lo = (value << 140).to_bytes(20, "big")
        i = self._bisect(lo)
        while i < self.count:
            h = self._hash(i)
            if h.hex()[:5] != prefix.lower():
                break
            at = HEADER.size + i * RECORD + 20
            yield h.hex()[5:].upper(), int.from_bytes(self._mm[at : at + 4], "little")
            i += 1
