"""Simulator benchmark: wall time and peak RSS of ``unmask.sim.simulate`` per network size.

Each size runs in its own child process; peak memory is the child's ``ru_maxrss`` (from
``os.wait4``), which counts everything the process touched, not only Python allocations.

    .venv/bin/python bench/bench_sim.py                  # 100k and 1M members
    .venv/bin/python bench/bench_sim.py --sizes 100000   # one size

Prints a table and writes bench-results/sim.json. Synthetic data: these are speed and memory
figures only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHILD = """
import json, sys
from pathlib import Path
from unmask.sim import simulate
s = simulate(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))
print(json.dumps({"counts": s.counts, "fakes": s.fakes, "campaigns": s.campaigns,
                  "seconds_inside": s.seconds}))
"""


def run_one(members: int, seed: int, keep: Path | None) -> dict[str, Any]:
    out = Path(tempfile.mkdtemp(prefix=f"bench-sim-{members}-"))
    load_before = os.getloadavg()
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(members), str(seed), str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - began
    stdout = proc.stdout.read() if proc.stdout else ""
    if status != 0:
        raise SystemExit(f"simulate({members}) failed with status {status}")
    child = json.loads(stdout.strip().splitlines()[-1])
    size = sum(p.stat().st_size for p in out.iterdir())
    if keep is not None:
        shutil.move(str(out), keep / out.name)
    else:
        shutil.rmtree(out)
    return {
        "members": members,
        "seed": seed,
        "wall_seconds": round(wall, 1),
        "cpu_user_seconds": round(usage.ru_utime, 1),
        "cpu_system_seconds": round(usage.ru_stime, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "output_bytes": size,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        **child,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="keep the output here")
    parser.add_argument("--out", type=Path, default=Path("bench-results/sim.json"))
    args = parser.parse_args()
    results = []
    for members in args.sizes:
        row = run_one(members, args.seed, args.keep)
        results.append(row)
        print(
            f"{members:>10,} members: {row['wall_seconds']:>7.1f} s wall, "
            f"{row['peak_rss_mib']:>8.1f} MiB peak RSS, "
            f"{row['counts']['connections']:>12,} connections, "
            f"{row['output_bytes'] / 2**30:.2f} GiB written",
            flush=True,
        )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "src/unmask/sim"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    report = {
        "benchmark": "simulator",
        "commit": commit + ("-dirty" if dirty else ""),
        "synthetic": True,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "note": "2-core machine shared with other engineers; see load averages",
        },
        "goal": "1M members with 20M+ connections in under 10 minutes and 4 GiB",
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
