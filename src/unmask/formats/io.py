"""File formats for interchange records."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO, cast

import orjson
from pydantic import BaseModel

from unmask.model.records import FILE_STEMS, RECORD_TYPES
from unmask.model.schema import columns

SUPPORTED_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")


class FormatError(ValueError):
    """The file as a whole cannot be read (unknown format, unknown record type, unreadable)."""


@dataclass(frozen=True, slots=True)
class RawRow:
    line: int
    data: dict[str, Any] | None
    error: str | None = None
    text: str | None = None


def _format_of(path: Path) -> str:
    name = path.name.lower()
    for suffix in SUPPORTED_SUFFIXES:
        if name.endswith(suffix) or name.endswith(suffix + ".gz"):
            return suffix
    raise FormatError(f"{path}: unsupported file type (use {', '.join(SUPPORTED_SUFFIXES)})")


def kind_for_path(path: Path) -> str | None:
    """The record type a file holds, from its stem (``accounts.jsonl`` -> ``account``).

    None when the stem names no record type: rows must then carry a ``record_type`` field.
    """
    stem = path.name.split(".")[0].lower().replace("-", "_")
    return FILE_STEMS.get(stem)


def _open_binary(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        import gzip

        return cast(BinaryIO, gzip.open(path, "rb"))
    return path.open("rb")


_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str | None  # None: the line is not UTF-8, or the compressed stream broke here
    error: str | None = None
    raw: str | None = None


def _decode(number: int, data: bytes) -> _Line:
    try:
        return _Line(number, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raw = data.decode("utf-8", "backslashreplace").rstrip("\r\n")
        why = f"not valid UTF-8 (byte {exc.start + 1} of the line): {exc.reason}"
        return _Line(number, None, why, raw)


def _lines(path: Path) -> Iterator[_Line]:
    """Physical lines, each decoded on its own: bad bytes cost that line, never the file.

    A corrupt or truncated compressed stream ends the file with one error line where it broke; a
    partial last line before the break is not passed on as if it were whole.
    """
    import zlib

    number = 0
    pending: bytes | None = None
    with _open_binary(path) as fh:
        try:
            for data in fh:
                number += 1
                if number == 1 and data.startswith(_BOM):
                    data = data[len(_BOM) :]
                if pending is not None:
                    yield _decode(number - 1, pending)
                pending = data
        except (EOFError, zlib.error, OSError) as exc:
            if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
                raise
            if pending is not None and pending.endswith(b"\n"):
                yield _decode(number, pending)
                number += 1
            elif pending is None:
                number += 1
            yield _Line(number, None, f"compressed data is corrupt or truncated at line {number}")
            return
    if pending is not None:
        yield _decode(number, pending)


def _read_jsonl(path: Path, start: int) -> Iterator[RawRow]:
    for item in _lines(path):
        if item.number <= start:
            continue
        if item.text is None:
            yield RawRow(item.number, None, item.error, item.raw)
            continue
        line = item.text
        if not line.strip():
            continue
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield RawRow(item.number, None, f"invalid JSON: {exc}", line.rstrip("\r\n"))
            continue
        if not isinstance(data, dict):
            yield RawRow(item.number, None, "a row must be a JSON object", line.rstrip("\r\n"))
            continue
        yield RawRow(item.number, data, None, line.rstrip("\r\n"))


def _cell(value: str) -> Any:
    text = value.strip()
    if text[:1] in ("[", "{"):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            return value
    return value


class _CsvLines:
    """Feeds decoded lines to ``csv.reader``. A line that is not UTF-8 goes in with its bad bytes
    escaped (so quoting stays intact) and is remembered: the row that holds it is quarantined."""

    def __init__(self, path: Path) -> None:
        self._lines = _lines(path)
        self.bad: dict[int, str] = {}
        self.broken: _Line | None = None

    def __iter__(self) -> Iterator[str]:
        for item in self._lines:
            if item.text is not None:
                yield item.text
            elif item.raw is None:  # the compressed stream broke: the file ends here
                self.broken = item
                return
            else:
                self.bad[item.number] = item.error or "not valid UTF-8"
                yield item.raw + "\n"


def _read_csv(path: Path, start: int) -> Iterator[RawRow]:
    source = _CsvLines(path)
    reader = csv.reader(iter(source))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise FormatError(f"{path}: unreadable CSV header: {exc}") from exc
    if source.bad:
        raise FormatError(f"{path}: unreadable CSV header: {source.bad[min(source.bad)]}")
    previous = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if reader.line_num > start:
                yield RawRow(reader.line_num, None, f"invalid CSV: {exc}")
            previous = reader.line_num
            continue
        line, first = reader.line_num, previous + 1
        previous = line
        if line <= start:
            continue
        bad = [n for n in range(first, line + 1) if n in source.bad]
        if bad:
            where = f"line {bad[0]}: " if first < line else ""
            yield RawRow(line, None, where + source.bad[bad[0]], ",".join(cells))
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            yield RawRow(
                line, None, f"expected {len(header)} cells, found {len(cells)}", ",".join(cells)
            )
            continue
        data = {k: _cell(v) for k, v in zip(header, cells, strict=True) if v != ""}
        yield RawRow(line, data, None, ",".join(cells))
    if source.broken is not None and source.broken.number > start:
        yield RawRow(source.broken.number, None, source.broken.error)


def _read_parquet(path: Path, start: int) -> Iterator[RawRow]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several unrelated types
        raise FormatError(f"{path}: unreadable Parquet file: {exc}") from exc
    number = 0
    for batch in pf.iter_batches(batch_size=10_000):
        for row in batch.to_pylist():
            number += 1
            if number <= start:
                continue
            data = {
                k: (_cell(v) if isinstance(v, str) else v) for k, v in row.items() if v is not None
            }
            yield RawRow(number, data)


def read_rows(path: Path, start: int = 0) -> Iterator[RawRow]:
    """Rows after line (or row) ``start``; raises FormatError only when the file is unreadable."""
    fmt = _format_of(path)
    if not path.is_file():
        raise FormatError(f"{path}: no such file")
    try:
        if fmt in (".jsonl", ".ndjson"):
            yield from _read_jsonl(path, start)
        elif fmt == ".csv":
            yield from _read_csv(path, start)
        else:
            yield from _read_parquet(path, start)
    except OSError as exc:
        raise FormatError(f"{path}: unreadable: {exc}") from exc


def record_to_row(record: BaseModel, flat: bool = False) -> dict[str, Any]:
    """A record as a JSON-ready mapping; ``flat`` encodes nested fields as JSON text."""
    data = record.model_dump(mode="json", exclude_none=True)
    if flat:
        kinds = columns(type(record))
        for name, value in data.items():
            if kinds.get(name) == "json":
                data[name] = orjson.dumps(value).decode()
    return data


class RecordWriter:
    """Streams records of one type to a JSONL, CSV or Parquet file."""

    def __init__(self, path: Path, kind: str, batch_size: int = 50_000) -> None:
        self.path = path
        self.kind = kind
        self.model = RECORD_TYPES[kind]
        self.format = _format_of(path)
        self.batch_size = batch_size
        self.count = 0
        self._buffer: list[dict[str, Any]] = []
        self._fh: IO[bytes] | None = None
        self._csv: Any = None
        self._text: IO[str] | None = None
        self._parquet: Any = None

    def __enter__(self) -> RecordWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.format in (".jsonl", ".ndjson"):
            self._fh = self.path.open("wb")
        elif self.format == ".csv":
            self._text = self.path.open("w", encoding="utf-8", newline="")
            self._csv = csv.DictWriter(self._text, fieldnames=list(columns(self.model)))
            self._csv.writeheader()
        return self

    def write(self, record: BaseModel) -> None:
        self.count += 1
        if self._fh is not None:
            self._fh.write(orjson.dumps(record.model_dump(mode="json", exclude_none=True)) + b"\n")
        elif self._csv is not None:
            self._csv.writerow(record_to_row(record, flat=True))
        else:
            self._buffer.append(record_to_row(record, flat=True))
            if len(self._buffer) >= self.batch_size:
                self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        kinds = columns(self.model)
        types = {
            "str": pa.string(),
            "json": pa.string(),
            "bool": pa.bool_(),
            "int": pa.int64(),
            "float": pa.float64(),
            "datetime": pa.string(),
        }
        schema = pa.schema([(n, types[k]) for n, k in kinds.items()])
        table = pa.Table.from_pylist(self._buffer, schema=schema)
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.path, schema)
        self._parquet.write_table(table)
        self._buffer.clear()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.format == ".parquet" and (self._buffer or self._parquet is None):
            self._flush_parquet()
        if self._parquet is not None:
            self._parquet.close()
        if self._fh is not None:
            self._fh.close()
        if self._text is not None:
            self._text.close()


def write_records(path: Path, kind: str, records: Iterable[BaseModel]) -> int:
    with RecordWriter(path, kind) as writer:
        for record in records:
            writer.write(record)
    return writer.count
