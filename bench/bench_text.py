"""Text detector benchmark: profiles per second for ``text_origin`` and ``approach_language``.

    .venv/bin/python bench/bench_text.py [--members 3000] [--subjects 500] [--train 200]

Data: a simulated network (``unmask.sim``, synthetic: speed only, no quality). Each detector is
timed untrained (heuristics, near-duplicates, cue rules) and trained (fitted on up to ``--train``
labelled accounts, about half fake); the trained ``text_origin`` embeds every profile with the
MiniLM ONNX model (onnxruntime on 2 threads), which dominates its cost. Note that the machine may
be shared: the load average at the start is recorded with the result.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mib, write


def _timed(fn: Any, n: int) -> dict[str, float]:
    t = time.perf_counter()
    fn()
    seconds = time.perf_counter() - t
    return {"seconds": round(seconds, 3), "profiles_per_s": round(n / seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--subjects", type=int, default=500)
    parser.add_argument("--train", type=int, default=200)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    from unmask.detectors.approach_language import ApproachLanguage
    from unmask.detectors.text_origin import TextOrigin
    from unmask.engine.sources import snapshot_from_dir
    from unmask.sim import simulate

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="unmask-bench-text-") as tmp:
        simulate(args.members, args.seed, Path(tmp))
        snap = snapshot_from_dir(Path(tmp))
    fake = {lb.account_id: lb.label.value == "fake" for lb in snap.labels}
    fakes = sorted(a for a, f in fake.items() if f)[: args.train // 2]
    genuine = sorted(a for a, f in fake.items() if not f)[: args.train - len(fakes)]
    labels = {a: fake[a] for a in fakes + genuine}
    subjects = sorted(snap.accounts)[: args.subjects]
    n = len(subjects)
    results: dict[str, Any] = {
        "data": {"synthetic_members": args.members, "subjects": n, "train_accounts": len(labels),
                 "invitations": len(snap.invitations), "messages": len(snap.messages)},
        "load_average_at_start": round(load, 2),
    }  # fmt: skip
    untrained_origin = TextOrigin()
    results["text_origin_untrained"] = _timed(lambda: untrained_origin.detect(snap, subjects), n)
    trained_origin = TextOrigin(min_per_class=5)
    t = time.perf_counter()
    trained_origin.fit(snap, labels)
    results["text_origin_fit_seconds"] = round(time.perf_counter() - t, 2)
    results["text_origin_trained"] = _timed(lambda: trained_origin.detect(snap, subjects), n)
    untrained_app = ApproachLanguage()
    results["approach_language_untrained"] = _timed(lambda: untrained_app.detect(snap, subjects), n)
    trained_app = ApproachLanguage().fit(snap, labels)
    results["approach_language_trained"] = _timed(lambda: trained_app.detect(snap, subjects), n)
    results["peak_rss_mib"] = round(peak_rss_mib(), 1)
    write("text", results)


if __name__ == "__main__":
    main()
