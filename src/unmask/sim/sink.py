"""Streaming JSONL output: plain dicts through orjson, one file per record type."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import orjson

FILES: tuple[str, ...] = (
    "accounts",
    "organisations",
    "connections",
    "invitations",
    "messages",
    "logins",
    "reports",
    "profile_views",
    "endorsements",
    "indicators",
    "labels",
)

_OPT = orjson.OPT_APPEND_NEWLINE


class Sink:
    """Open JSONL files for every record type, with row counts."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.counts: dict[str, int] = dict.fromkeys(FILES, 0)
        self._fh: dict[str, IO[bytes]] = {}

    def __enter__(self) -> Sink:
        self.out.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            self._fh[name] = (self.out / f"{name}.jsonl").open("wb")
        return self

    def write(self, name: str, rows: Iterable[dict[str, Any]]) -> None:
        # Each orjson result keeps a few KiB of allocation: never hold many of them at once.
        dumps = orjson.dumps
        buf = bytearray()
        count = 0
        for row in rows:
            buf += dumps(row, option=_OPT)
            count += 1
        self._fh[name].write(buf)
        self.counts[name] += count

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for fh in self._fh.values():
            fh.close()
