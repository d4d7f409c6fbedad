from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from unmask.sim import simulate


@pytest.fixture(scope="session")
def small_sim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small simulated network (synthetic: for plumbing and parity, not for quality)."""
    out = tmp_path_factory.mktemp("sim")
    simulate(600, 11, out)
    return out


@pytest.fixture(scope="session")
def spark_engine() -> Iterator[object]:
    """One SparkSession for the session (local[2]); skips when pyspark or Java is absent."""
    pytest.importorskip("pyspark")
    import shutil

    if shutil.which("java") is None:
        pytest.skip("Spark needs Java 17 on the PATH")
    from unmask.engine.spark import SparkEngine

    engine = SparkEngine()
    yield engine
    engine.close()
