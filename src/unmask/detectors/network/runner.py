"""Running the network SQL: one small interface, a DuckDB implementation here (in process, over
Arrow tables) and a Spark one in ``unmask.engine.spark``. Both run the very same query text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Protocol

from unmask.detectors.network.sql_base import BASE
from unmask.detectors.network.sql_features import FEATURES, ORDER
from unmask.detectors.network.tables import epoch_of, snapshot_tables
from unmask.model import Snapshot

Rows = list[dict[str, Any]]

#: Spark SQL functions DuckDB lacks, as DuckDB macros: the only dialect shim.
DUCKDB_MACROS = (
    "CREATE OR REPLACE MACRO get_json_object(j, p) AS json_extract_string(j, p)",
    "CREATE OR REPLACE MACRO unix_timestamp(t) AS CAST(epoch(CAST(t AS TIMESTAMPTZ)) AS BIGINT)",
    "CREATE OR REPLACE MACRO conv(s, f, t) AS CAST(CAST(('0x' || s) AS BIGINT) AS VARCHAR)",
)


class SqlRunner(Protocol):
    name: str

    def register(self, name: str, table: Any) -> None:
        """Make an Arrow table queryable as ``name``."""
        ...

    def create(self, name: str, sql: str) -> None:
        """Materialise the result of ``sql`` as table ``name``."""
        ...

    def fetch(self, sql: str) -> Rows:
        """Rows of a query as dictionaries."""
        ...


class DuckRunner:
    name = "duckdb"

    def __init__(self, con: Any = None, memory_limit: str | None = None) -> None:
        import duckdb

        self.con = con if con is not None else duckdb.connect()
        if memory_limit:
            self.con.execute(f"SET memory_limit = '{memory_limit}'")
        self.con.execute("SET TimeZone = 'UTC'")
        for macro in DUCKDB_MACROS:
            self.con.execute(macro)

    def register(self, name: str, table: Any) -> None:
        self.con.register(f"{name}__arrow", table)
        self.con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {name}__arrow")
        self.con.unregister(f"{name}__arrow")

    def create(self, name: str, sql: str) -> None:
        self.con.execute(f"CREATE OR REPLACE TABLE {name} AS {sql}")

    def fetch(self, sql: str) -> Rows:
        return plain(self.con.sql(sql).to_arrow_table().to_pylist())


def plain(rows: Rows) -> Rows:
    """Decimals (DuckDB's integer sums) as ints, so both engines give the same Python values."""
    for row in rows:
        for key, value in row.items():
            if isinstance(value, Decimal):
                row[key] = int(value) if value == value.to_integral_value() else float(value)
    return rows


Progress = Callable[[str, int, int], None]


def compute(
    runner: SqlRunner,
    as_of: int,
    names: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> None:
    """Materialise the base tables and the feature tables (``names``: a subset, in order)."""
    stages = [*BASE, *(f for f in FEATURES if names is None or f[0] in names)]
    for i, (name, sql) in enumerate(stages):
        if progress:
            progress(name, i, len(stages))
        runner.create(name, sql.format(as_of=as_of))


def fetch_table(runner: SqlRunner, name: str, columns: str = "*") -> Rows:
    return runner.fetch(f"SELECT {columns} FROM {name} ORDER BY {ORDER.get(name, '1')}")


class Features:
    """Feature rows of one snapshot, fetched once and shared by the network detectors."""

    def __init__(self, runner: SqlRunner, as_of: int) -> None:
        self.runner = runner
        self.as_of = as_of
        self._rows: dict[str, Rows] = {}

    def rows(self, name: str, columns: str = "*") -> Rows:
        key = f"{name}:{columns}"
        if key not in self._rows:
            self._rows[key] = fetch_table(self.runner, name, columns)
        return self._rows[key]

    def scalar(self, sql: str) -> Any:
        rows = self.runner.fetch(sql)
        return next(iter(rows[0].values())) if rows else None


def snapshot_features(snapshot: Snapshot, names: Sequence[str] | None = None) -> Features:
    """The network features of a (small) snapshot, computed by DuckDB over Arrow tables in
    process: the base tables and the feature tables ``names`` (default: every one). The batch
    engine computes them once per scan instead, and hands them to ``BatchDetector.detect_batch``.
    """
    runner = DuckRunner()
    for kind, table in snapshot_tables(snapshot).items():
        runner.register(kind, table)
    features = Features(runner, epoch_of(snapshot.as_of))
    compute(runner, features.as_of, names)
    return features
