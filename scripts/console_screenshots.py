"""Screenshots of the console for docs/img, from the real pages in Debian's chromium.

Simulates a network (synthetic data), ingests and scans it, opens the queue, takes a few
decisions so the dashboard has something to show (a campaign removed with four eyes, a
restriction, an appeal upheld), then photographs the queue, a case and the dashboard.

    .venv/bin/python scripts/console_screenshots.py [--out docs/img] [--members 3000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def prepare(data: Path, members: int, seed: int) -> object:
    from unmask.auth import create_user, get_user
    from unmask.cases.desk import make_desk
    from unmask.cases.service import decide, file_appeal, review_second
    from unmask.cases.sync import sync_cases
    from unmask.engine import run_scan
    from unmask.ingest.runner import ingest
    from unmask.model.review import Filters
    from unmask.scoring import load_policy
    from unmask.settings import Settings
    from unmask.sim import simulate
    from unmask.store import Store

    url = f"sqlite:///{data / 'unmask.db'}"
    store = Store(url, Settings(data_dir=data, database_url=url))
    store.migrate()
    simulate(members=members, seed=seed, out=data / "sim")
    ingest(store, [data / "sim"])
    run_scan(store, load_policy())
    for name, role in (("lena", "lead"), ("lars", "lead"), ("alice", "analyst")):
        create_user(store, name, role, "screenshot-password")
    desk = make_desk(store)
    sync_cases(desk)
    lena, lars, alice = (get_user(store, n) for n in ("lena", "lars", "alice"))
    assert lena and lars and alice
    with store.unit_of_work() as uow:
        queue = uow.cases.search(Filters(status="queue"))[0]
    top = queue[0]
    out = decide(
        desk,
        top.id,
        lena,
        "remove",
        "Shared photo and template across the ring; invitations concentrated on defence staff",
        "campaign",
    )
    review_second(desk, top.id, out.decision_id, lars, True, "Agree: one operator")
    with store.unit_of_work() as uow:
        rest = uow.cases.search(Filters(status="queue"))[0]
    lone = [c for c in rest if not c.campaign]
    if lone:
        decide(
            desk,
            lone[-1].id,
            alice,
            "restrict",
            "Thin profile, pushy approach; restrict while we check the employer",
            "account",
        )
    removed = [c.id for c in queue if c.campaign == top.campaign]
    file_appeal(desk, removed[-1], lena, "Member says the account is a real recruiter")
    decide(desk, removed[-1], lars, "remove", "Appeal reviewed: photo is a stock image", "account")
    return store


def shoot(store: object, out: Path) -> None:
    from tests.web_support import chromium_page, live_server

    out.mkdir(parents=True, exist_ok=True)
    with live_server(store) as base, chromium_page() as page:  # type: ignore[arg-type]
        page.goto(base + "/login")
        page.fill("#name", "lena")
        page.fill("#password", "screenshot-password")
        page.click("button[type=submit]")
        page.wait_for_url("**/console/queue")
        page.screenshot(path=str(out / "console-queue.png"), full_page=True)
        page.click("a.case-link >> nth=0")
        page.wait_for_selector("#graph svg")
        page.screenshot(path=str(out / "console-case.png"), full_page=True)
        page.goto(base + "/console/dashboard")
        page.screenshot(path=str(out / "console-dashboard.png"), full_page=True)
        page.goto(base + "/console/audit")
        page.screenshot(path=str(out / "console-audit.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--members", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="unmask-shots-") as tmp:
        store = prepare(Path(tmp), args.members, args.seed)
        shoot(store, args.out)
        store.close()  # type: ignore[attr-defined]
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
