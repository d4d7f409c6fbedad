"""The Spark engine: the same SQL on PySpark (``local[2]`` by default, or a cluster's master:
``unmask scan --engine spark --spark-master spark://HOST:7077``).

Spark is an optional extra (``pip install 'unmask[spark]'``, Java 17). Tables are materialised
with ``localCheckpoint`` so that each feature is computed once, as DuckDB's tables are. Tables
handed over from Python go through Parquet files in ``work_dir`` (default: a temporary folder),
which must be readable by every executor: on a cluster of several hosts, a shared path.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from unmask.detectors.network.runner import Rows, plain
from unmask.detectors.network.tables import RAW_COLUMNS, column_kind

_session: Any = None


def spark_session(master: str = "local[2]", memory: str = "2g") -> Any:
    """One SparkSession per process (Spark allows one active context); asking for another
    master stops the current one first."""
    global _session
    if _session is not None:
        if _session.sparkContext.master == master:
            return _session
        _session.stop()
        _session = None
    import sys

    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - the extra is declared
        raise ImportError(
            "the Spark engine needs the 'spark' extra: pip install 'unmask[spark]'"
        ) from exc
    _session = (
        SparkSession.builder.master(master)
        .appName("unmask-scan")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", memory)
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.pyspark.driver.python", sys.executable)
        .getOrCreate()
    )
    _session.sparkContext.setLogLevel("ERROR")
    return _session


def _schema(kind: str) -> Any:
    from pyspark.sql import types as st

    mapping = {"bool": st.BooleanType(), "int": st.LongType(), "float": st.DoubleType()}
    return st.StructType(
        [
            st.StructField(c, mapping.get(column_kind(kind, c), st.StringType()), True)
            for c in RAW_COLUMNS[kind]
        ]
    )


class SparkEngine:
    name = "spark"

    def __init__(
        self, master: str = "local[2]", memory: str = "2g", work_dir: Path | None = None
    ) -> None:
        self.spark = spark_session(master, memory)
        self._views: list[str] = []
        self._tmp = tempfile.TemporaryDirectory(prefix="unmask-spark-", dir=work_dir)

    def _publish(self, name: str, df: Any) -> None:
        df.localCheckpoint(eager=True).createOrReplaceTempView(name)
        self._views.append(name)

    def register(self, name: str, table: Any) -> None:
        """An Arrow table through a Parquet file (no pandas needed), then checkpointed."""
        import pyarrow.parquet as pq

        path = Path(self._tmp.name) / f"{name}-{len(self._views)}.parquet"
        pq.write_table(table, path)
        self._publish(name, self.spark.read.parquet(str(path)))

    def create(self, name: str, sql: str) -> None:
        self._publish(name, self.spark.sql(sql))

    def fetch(self, sql: str) -> Rows:
        return plain(self.spark.sql(sql).toArrow().to_pylist())

    def read_raw(self, kind: str, path: Path | None) -> None:
        schema = _schema(kind)
        if path is None:
            df = self.spark.createDataFrame([], schema)
        elif path.suffix == ".parquet":
            df = self.spark.read.parquet(str(path))
            cols = [
                f"CAST({c} AS {f.dataType.simpleString()}) AS {c}"
                if c in df.columns
                else f"CAST(NULL AS {f.dataType.simpleString()}) AS {c}"
                for c, f in zip(RAW_COLUMNS[kind], schema.fields, strict=True)
            ]
            df = df.selectExpr(*cols)
        else:
            df = self.spark.read.schema(schema).json(str(path))
        self._publish(kind, df)

    def save(self, name: str, path: Path) -> None:
        self.spark.table(name).write.mode("overwrite").parquet(str(path))

    def load(self, name: str, path: Path) -> None:
        self._publish(name, self.spark.read.parquet(str(path)))

    def close(self) -> None:
        for name in self._views:
            self.spark.catalog.dropTempView(name)
        self._views.clear()
        self._tmp.cleanup()
