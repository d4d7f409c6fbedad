"""Batch engine benchmark: a full network scan of simulated networks on DuckDB, and on Spark.

    python bench/bench_engine.py                 # 100k and 300k members on DuckDB, 100k on Spark
    python bench/bench_engine.py --sizes 1000000 --spark-size 0

Each scan runs in its own process (so peak memory is that scan's): ``unmask.engine.run_scan``
over a folder of interchange JSONL with the network detectors, campaigns and a SQLite store.
Synthetic data (unmask.sim): speed and memory only. Writes bench-results/engine.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mib, write

NETWORK = ["registration_cluster", "outreach", "employer_claims"]


def one(engine: str, folder: Path, data: Path) -> dict[str, Any]:
    """Run in a child process: one scan, its stage times and its peak memory."""
    os.environ["UNMASK_DATA_DIR"] = str(data)
    os.environ.pop("UNMASK_DATABASE_URL", None)
    from unmask.engine import run_scan
    from unmask.scoring import load_policy
    from unmask.store import Store

    marks: list[tuple[str, float]] = []
    began = time.perf_counter()

    def progress(name: str, _done: int, _total: int) -> None:
        marks.append((name, time.perf_counter() - began))

    store = Store.open()
    result = run_scan(store, load_policy(), NETWORK, progress, engine=engine, source=folder)
    total = time.perf_counter() - began
    store.close()
    stages: dict[str, float] = {}
    for (name, at), (_, nxt) in zip(marks, [*marks[1:], ("end", total)], strict=True):
        key = name.split()[0]
        stages[key] = round(stages.get(key, 0.0) + nxt - at, 2)
    return {
        "engine": engine,
        "seconds": round(total, 1),
        "peak_rss_mib": round(peak_rss_mib(), 0),
        "stages": stages,
        "flagged": sum(1 for a in result.assessments if a.route != "none"),
        "campaigns": len(result.campaigns),
    }


def child(engine: str, folder: Path, work: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", engine, str(folder), str(work)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000,300000")
    parser.add_argument("--spark-size", type=int, default=100_000)
    parser.add_argument("--one", nargs=3, metavar=("ENGINE", "FOLDER", "DATA"))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], Path(args.one[1]), Path(args.one[2]))))
        return
    from unmask.sim import simulate

    runs: list[dict[str, Any]] = []
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="unmask-bench-engine-") as tmp:
        for members in sizes:
            folder = Path(tmp) / f"sim{members}"
            began = time.perf_counter()
            summary = simulate(members, 1, folder)
            sim_seconds = round(time.perf_counter() - began, 1)
            size = {"members": members, **summary.counts, "simulate_seconds": sim_seconds}
            print(f"simulated {members} members in {sim_seconds}s: {summary.counts}", flush=True)
            duck = child("duckdb", folder, Path(tmp) / f"duck{members}")
            print(f"duckdb {members}: {duck}", flush=True)
            runs.append({**size, **duck})
            if members == args.spark_size:
                spark = child("spark", folder, Path(tmp) / f"spark{members}")
                spark["ratio_to_duckdb"] = round(spark["seconds"] / duck["seconds"], 2)
                print(f"spark {members}: {spark}", flush=True)
                runs.append({**size, **spark})
    write(
        "engine",
        {
            "data": "synthetic (unmask.sim, seed 1): speed and memory only",
            "detectors": NETWORK,
            "spark": "local[2], driver memory 2g; peak_rss_mib is the Python process, not the JVM",
            "runs": runs,
        },
    )


if __name__ == "__main__":
    main()
