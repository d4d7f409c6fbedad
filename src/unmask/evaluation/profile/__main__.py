"""Run the profile-model suites and print their figures: ``python -m unmask.evaluation.profile``.

Options: ``--data PATH`` (default $UNMASK_EVAL_DATA or ../shared/data), ``--json PATH`` to also
write the rows as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from unmask.evaluation.profile import cresci, in_source, instafake, source_out
from unmask.evaluation.rows import EvalRow, data_dir

SUITES = (source_out, cresci, instafake, in_source)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m unmask.evaluation.profile")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    data = data_dir(args.data)
    rows: list[EvalRow] = []
    for suite in SUITES:
        missing = [p for p in suite.REQUIRES if not (data / p).exists()]
        if missing:
            print(f"skipped {suite.SUITE}: data not found under {data}", file=sys.stderr)
            continue
        rows.extend(suite.run(data))
    for r in rows:
        print(
            f"{r.detector:28s} {r.suite:20s} {r.split:66s} {r.metric:16s} {r.value:7.4f}  n={r.n}"
        )
    if args.json:
        args.json.write_text(json.dumps([r.as_dict() for r in rows], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
