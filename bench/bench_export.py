"""Benchmark: `unmask inspect-export` on a synthetic export of N people who wrote M messages
each (invented people and messages; every message carries approach cues, the costly case).

    .venv/bin/python bench/bench_export.py [--people 500] [--messages 10]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write

from unmask.export import inspect

TEXT = (
    "Hi Alex, good to meet you at the conference. Could you send me the slides from your talk? "
    "Our client pays USD 2,000 for a short report, and we could continue on WhatsApp."
)


def export(people: int, messages: int) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "DATE", "CONTENT"])
    for p in range(people):
        for m in range(messages):
            at = f"2026-10-{1 + m % 28:02d} 10:00:00 UTC"
            url = f"https://platform.example/in/p{p}"
            w.writerow([f"c{p}", f"Person {p}", url, "Alex Morgan", at, f"{TEXT} ({p}.{m})"])
    return buf.getvalue().encode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=500)
    ap.add_argument("--messages", type=int, default=10)
    args = ap.parse_args()
    data = export(args.people, args.messages)
    start = time.perf_counter()
    result = inspect({"messages": data}, "Alex Morgan")
    seconds = time.perf_counter() - start
    n = result.texts_read
    out = {
        "people": args.people,
        "messages": n,
        "bytes": len(data),
        "seconds": round(seconds, 2),
        "ms_per_message": round(1000 * seconds / max(n, 1), 2),
        "note": "synthetic messages, each with approach cues; shared 2-core machine",
    }
    print(out)
    write("export", out)


if __name__ == "__main__":
    main()
