"""Benchmark: index a 10-million-line breach file with `unmask passwords load` and look it up.

Synthetic input (invented passwords, never real breach data): 80% plain passwords drawn from a
Zipf-like pool (so some repeat, as in real dumps) and 20% SHA-1 hex lines with counts. The load
runs in a child process (the real CLI) so its peak RSS is measured on its own.

    .venv/bin/python bench/bench_passwords.py [--lines 10000000] [--memory-mb 64]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write


def make_file(path: Path, lines: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    words = ("summer", "dragon", "monkey", "football", "shadow", "master", "secret", "sunshine")
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as fh:
        batch: list[str] = []
        for i in range(lines):
            r = rng.random()
            if r < 0.2:
                digest = hashlib.sha1(f"hashed-{i}".encode()).hexdigest().upper()
                batch.append(f"{digest}:{rng.randint(1, 5000)}")
            elif r < 0.3:
                batch.append(f"{rng.choice(words)}{int(rng.paretovariate(1.2)) % 10000}")
            else:
                batch.append(f"pw-{rng.getrandbits(40):x}-{i % 97}")
            if len(batch) == 100_000:
                fh.write("\n".join(batch) + "\n")
                batch.clear()
        if batch:
            fh.write("\n".join(batch) + "\n")
    return path.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=10_000_000)
    ap.add_argument("--memory-mb", type=int, nargs="+", default=[64, 16])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pw-") as tmp:
        src = Path(tmp) / "breach.txt"
        t = time.perf_counter()
        size = make_file(src, args.lines)
        gen_s = time.perf_counter() - t
        unmask = Path(sys.executable).with_name("unmask")
        loads = []
        for budget in args.memory_mb:  # one child process per budget: its own peak RSS
            env = dict(os.environ, UNMASK_DATA_DIR=str(Path(tmp) / f"data-{budget}"))
            cmd = [str(unmask), "passwords", "load", str(src), "--memory-mb", str(budget)]
            t = time.perf_counter()
            child = subprocess.Popen(cmd, env=env)
            _, status, usage = os.wait4(child.pid, 0)
            assert status == 0, f"load failed: {status}"
            load_s = time.perf_counter() - t
            loads.append(
                {
                    "memory_budget_mib": budget,
                    "load_s": round(load_s, 1),
                    "load_lines_per_s": round(args.lines / load_s),
                    "load_peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
                }
            )
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("a\nb\n")
        baseline = subprocess.Popen(
            [str(unmask), "passwords", "load", str(tiny)],
            env=dict(os.environ, UNMASK_DATA_DIR=str(Path(tmp) / "data-tiny")),
            stdout=subprocess.DEVNULL,
        )
        cli_rss = os.wait4(baseline.pid, 0)[2].ru_maxrss / 1024

        from unmask.passwords import BreachIndex, common_table, range_answer

        idx_path = Path(tmp) / f"data-{args.memory_mb[0]}" / "passwords" / "breach.txt.idx"
        index = BreachIndex(idx_path)
        probes = [hashlib.sha1(f"hashed-{i}".encode()).digest() for i in range(0, 20_000, 2)]
        t = time.perf_counter()
        hits = sum(1 for p in probes if index.lookup(p))
        lookup_us = (time.perf_counter() - t) / len(probes) * 1e6
        common_table()
        prefixes = [f"{i * 104729 % (1 << 20):05X}" for i in range(2000)]
        t = time.perf_counter()
        sizes = [len(range_answer(p, [index], common_table())) for p in prefixes]
        range_us = (time.perf_counter() - t) / len(prefixes) * 1e6
        results = {
            "data": "synthetic: invented passwords and hashes (no real breach data)",
            "lines": args.lines,
            "input_mib": round(size / 2**20, 1),
            "distinct_hashes": index.count,
            "index_mib": round(idx_path.stat().st_size / 2**20, 1),
            "generate_s": round(gen_s, 1),
            "loads": loads,
            "load_two_lines_peak_rss_mib": round(cli_rss, 1),
            "lookup_us": round(lookup_us, 1),
            "lookup_hits": f"{hits}/{len(probes)}",
            "range_answer_us": round(range_us, 1),
            "range_answer_entries_max": max(sizes),
            "command": "unmask passwords load FILE --memory-mb N",
        }
        index.close()
    write("passwords", results)


if __name__ == "__main__":
    main()
