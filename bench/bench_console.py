"""Review console benchmark on simulated data: how long the queue takes to build and pages take
to render, how fast the audit chain verifies, and how the queue lines up with the simulator's
planted campaigns (synthetic data: plumbing figures, not detection quality).

    .venv/bin/python bench/bench_console.py [--members 3000] [--seed 7] [--events 5000]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, write


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--events", type=int, default=5000)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from unmask.api import create_app
    from unmask.audit import append, verify
    from unmask.auth import create_token, create_user
    from unmask.cases.desk import make_desk
    from unmask.cases.sync import sync_cases
    from unmask.engine import run_scan
    from unmask.ingest.runner import ingest
    from unmask.model.review import Filters
    from unmask.scoring import load_policy
    from unmask.settings import Settings
    from unmask.sim import simulate
    from unmask.store import Store

    with tempfile.TemporaryDirectory(prefix="unmask-bench-console-") as tmp:
        data = Path(tmp)
        url = f"sqlite:///{data / 'unmask.db'}"
        store = Store(url, Settings(data_dir=data, database_url=url))
        store.migrate()
        simulate(members=args.members, seed=args.seed, out=data / "sim")
        ingest(store, [data / "sim"])
        scan = run_scan(store, load_policy())
        desk = make_desk(store)
        t0 = time.perf_counter()
        synced = sync_cases(desk)
        sync_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = sync_cases(desk)
        resync_s = time.perf_counter() - t0

        truth = {
            lb.account_id: lb.campaign
            for lb in store.snapshot(["label"]).labels
            if lb.label.value == "fake"
        }
        with store.unit_of_work() as uow:
            queue = uow.cases.search(Filters(status="queue", limit=10_000))[0]
        in_queue = [c for c in queue if c.subject in truth]
        clustered = [c for c in queue if c.campaign]
        majority: dict[str, str | None] = {}
        for cid in {c.campaign for c in clustered}:
            members = [truth.get(c.subject) for c in clustered if c.campaign == cid]
            majority[str(cid)] = Counter(members).most_common(1)[0][0]
        pure = sum(1 for c in clustered if truth.get(c.subject) == majority[str(c.campaign)])
        top10 = queue[:10]

        user, _ = create_user(store, "bench", "lead", "bench-password-1")
        client = TestClient(create_app(store))
        page = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token
        client.post(
            "/login",
            data={"name": "bench", "password": "bench-password-1", "csrf_token": token.group(1)},
        )
        bearer = {"Authorization": f"Bearer {create_token(store, user, 'bench')}"}
        timings = {}
        for name, path in (
            ("queue_page", "/console/queue"),
            ("case_page", f"/console/cases/{queue[0].id}"),
            ("dashboard_page", "/console/dashboard"),
            ("cases_api", "/api/v1/cases?limit=100"),
        ):
            best = float("inf")
            for _ in range(3):
                t0 = time.perf_counter()
                r = client.get(path, headers=bearer if path.startswith("/api") else None)
                best = min(best, time.perf_counter() - t0)
                assert r.status_code == 200, (path, r.status_code)
            timings[name] = round(best * 1000, 1)

        t0 = time.perf_counter()
        with store.unit_of_work() as uow:
            for i in range(args.events):
                append(
                    uow.audit,
                    actor="bench",
                    kind="bench.event",
                    reason=f"event {i}",
                    policy_version="bench",
                    payload={"i": i, "findings": ["x" * 40] * 5},
                )
        append_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        check = verify(store)
        verify_s = time.perf_counter() - t0
        store.close()

    write(
        "console",
        {
            "data": {
                "members": args.members,
                "seed": args.seed,
                "synthetic": True,
                "scan_routes": scan.routes(),
                "simulated_fakes": len(truth),
            },
            "queue": {
                "cases": len(queue),
                "opened": synced.opened,
                "resync_opened": again.opened,
                "fakes_in_queue": len(in_queue),
                "queue_share_fake": round(len(in_queue) / len(queue), 3) if queue else None,
                "fakes_recalled": round(len(in_queue) / len(truth), 3) if truth else None,
                "top10_fake": sum(1 for c in top10 if c.subject in truth),
                "clustered_cases": len(clustered),
                "campaigns_found": len(majority),
                "campaigns_planted": len({v for v in truth.values() if v}),
                "cluster_purity": round(pure / len(clustered), 3) if clustered else None,
            },
            "seconds": {"sync": round(sync_s, 3), "resync": round(resync_s, 3)},
            "page_ms_best_of_3": timings,
            "audit": {
                "events": check.checked,
                "append_per_s": round(args.events / append_s),
                "verify_per_s": round(check.checked / verify_s),
                "ok": check.ok,
            },
            "machine_note": machine()["cpu"],
        },
    )


if __name__ == "__main__":
    main()
