"""Ingest throughput into SQLite (and PostgreSQL when UNMASK_BENCH_POSTGRES_URL is set).

Data: a mixed set in the interchange format written here (accounts with positions, connections,
invitations, messages), 200,000 records by default (UNMASK_BENCH_INGEST_N)."""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import write

from unmask.ingest import ingest
from unmask.settings import Settings
from unmask.store import Store


def make_files(root: Path, n: int) -> dict[str, int]:
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    n_acc, n_inv, n_msg = n // 10, n // 10, n // 10
    n_conn = n - n_acc - n_inv - n_msg
    with (root / "accounts.jsonl").open("wb") as fh:
        for i in range(n_acc):
            fh.write(
                orjson.dumps(
                    {
                        "id": f"a{i}",
                        "created_at": (t0 + timedelta(minutes=i)).isoformat(),
                        "name": f"Member {i}",
                        "headline": "Engineer at Example Systems",
                        "about": "Systems engineer with ten years in integration and test.",
                        "positions": [
                            {
                                "employer": "Example Systems",
                                "title": "Engineer",
                                "start": "2019-01",
                            },
                            {
                                "employer": "Other Ltd",
                                "title": "Graduate",
                                "start": "2015-09",
                                "end": "2018-12",
                            },
                        ],
                        "education": [{"school": "University", "degree": "MEng", "end": "2015"}],
                        "skills": ["integration", "test"],
                        "verified_email": i % 3 == 0,
                        "registration": {"ip": f"10.0.{i % 250}.{i % 200}", "country": "GB"},
                    }
                )
                + b"\n"
            )
    with (root / "connections.jsonl").open("wb") as fh:
        for i in range(n_conn):
            fh.write(
                orjson.dumps(
                    {
                        "source": f"a{i % n_acc}",
                        "target": f"a{(i * 7 + 1) % n_acc}x{i}",
                        "created_at": (t0 + timedelta(seconds=i)).isoformat(),
                    }
                )
                + b"\n"
            )
    with (root / "invitations.jsonl").open("wb") as fh:
        for i in range(n_inv):
            fh.write(
                orjson.dumps(
                    {
                        "id": f"i{i}",
                        "sender": f"a{i % n_acc}",
                        "recipient": f"a{(i + 1) % n_acc}",
                        "sent_at": (t0 + timedelta(seconds=i)).isoformat(),
                        "note": "Hello, I would like to connect.",
                        "status": "pending",
                    }
                )
                + b"\n"
            )
    with (root / "messages.jsonl").open("wb") as fh:
        for i in range(n_msg):
            fh.write(
                orjson.dumps(
                    {
                        "id": f"m{i}",
                        "sender": f"a{i % n_acc}",
                        "recipient": f"a{(i + 3) % n_acc}",
                        "sent_at": (t0 + timedelta(seconds=i)).isoformat(),
                        "body": "Thanks for connecting. Shall we talk next week?",
                    }
                )
                + b"\n"
            )
    return {"account": n_acc, "connection": n_conn, "invitation": n_inv, "message": n_msg}


def run(url_for: str, n: int) -> dict[str, float]:
    """Ingest ``n`` records twice into a fresh store; wall and CPU seconds of each process."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sizes = make_files(root, n)
        data = root / "data"
        url = url_for.format(data=data)
        store = Store(url, Settings(data_dir=data, database_url=url))
        store.migrate()
        start = time.perf_counter()
        cpu0 = time.process_time()
        child0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        summary = ingest(store, [root / f"{k}s.jsonl" for k in sizes])
        first = time.perf_counter() - start
        cpu_parent = time.process_time() - cpu0
        child1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_worker = (child1.ru_utime + child1.ru_stime) - (child0.ru_utime + child0.ru_stime)
        start = time.perf_counter()
        ingest(store, [root / f"{k}s.jsonl" for k in sizes])
        again = time.perf_counter() - start
        store.close()
    accepted = summary.total("accepted")
    assert accepted == n, (accepted, n)
    return {
        "records": n,
        "seconds": round(first, 2),
        "records_per_s": round(n / first),
        "cpu_seconds_writer": round(cpu_parent, 2),
        "cpu_seconds_worker": round(cpu_worker, 2),
        # on an idle machine the two processes overlap: the busier one bounds the wall time
        "records_per_cpu_bound_s": round(n / max(cpu_parent, cpu_worker, 1e-9)),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "reingest_seconds": round(again, 2),
    }


def main() -> None:
    n = int(os.environ.get("UNMASK_BENCH_INGEST_N", "200000"))
    results = {
        "data": f"{n:,} mixed records (10% accounts with careers, 70% connections, "
        "10% invitations, 10% messages), JSONL",
        "sqlite": run("sqlite:///{data}/unmask.db", n),
    }
    pg = os.environ.get("UNMASK_BENCH_POSTGRES_URL")
    if pg:
        results["postgresql"] = run(pg, n)
    write("ingest", results)


if __name__ == "__main__":
    main()
