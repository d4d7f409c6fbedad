"""The engines behind ``unmask scan --engine``: DuckDB (default, in process) and Spark.

Both run the network SQL of ``unmask.detectors.network`` unchanged; this module adds what a batch
needs on top of the detectors' ``SqlRunner``: reading interchange files, and saving and reloading
tables as Parquet so that a stage can be re-run alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from unmask.detectors.network.runner import DuckRunner, Rows, SqlRunner, plain
from unmask.detectors.network.tables import RAW_COLUMNS, arrow_schema, column_kind
from unmask.model.records import FILE_STEMS

SUFFIXES = (".parquet", ".jsonl", ".ndjson")


class EngineRunner(SqlRunner, Protocol):
    def read_raw(self, kind: str, path: Path | None) -> None:
        """Load the raw table of ``kind`` from an interchange file (None: an empty table)."""
        ...

    def save(self, name: str, path: Path) -> None: ...

    def load(self, name: str, path: Path) -> None: ...

    def close(self) -> None: ...


def raw_file(folder: Path, kind: str) -> Path | None:
    """The interchange file holding ``kind`` in a snapshot folder (``accounts.jsonl``, ...)."""
    for stem, k in FILE_STEMS.items():
        if k != kind:
            continue
        for suffix in SUFFIXES:
            path = folder / f"{stem}{suffix}"
            if path.exists():
                return path
    return None


_DUCK_TYPES = {"bool": "BOOLEAN", "int": "BIGINT", "float": "DOUBLE"}


class DuckEngine(DuckRunner):
    def __init__(self, memory_limit: str | None = None, threads: int | None = None) -> None:
        super().__init__(memory_limit=memory_limit)
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        self.con.execute("SET preserve_insertion_order = false")

    def read_raw(self, kind: str, path: Path | None) -> None:
        cols = RAW_COLUMNS[kind]
        if path is None:
            import pyarrow as pa

            self.register(kind, pa.Table.from_batches([], schema=arrow_schema(kind)))
            return
        types = {c: _DUCK_TYPES.get(column_kind(kind, c), "VARCHAR") for c in cols}
        if path.suffix == ".parquet":
            present = set(self.con.sql(f"SELECT * FROM read_parquet('{path}') LIMIT 0").columns)
            select = ", ".join(
                f"CAST({c} AS {t}) AS {c}" if c in present else f"CAST(NULL AS {t}) AS {c}"
                for c, t in types.items()
            )
            source = f"read_parquet('{path}')"
        else:
            json = {c for c in cols if column_kind(kind, c) == "json"}
            spec = ", ".join(f"'{c}': '{'JSON' if c in json else t}'" for c, t in types.items())
            select = ", ".join(f"CAST({c} AS VARCHAR) AS {c}" if c in json else c for c in cols)
            source = (
                f"read_json('{path}', format = 'newline_delimited', columns = {{{spec}}}, "
                "maximum_object_size = 16777216)"
            )
        self.con.execute(f"CREATE OR REPLACE TABLE {kind} AS SELECT {select} FROM {source}")

    def save(self, name: str, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.con.execute(f"COPY {name} TO '{path}' (FORMAT parquet)")

    def load(self, name: str, path: Path) -> None:
        self.con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM read_parquet('{path}')")

    def close(self) -> None:
        self.con.close()


__all__ = ["DuckEngine", "EngineRunner", "Rows", "plain", "raw_file"]
