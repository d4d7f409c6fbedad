"""Screenshots of the console for docs/img, from the real pages in Debian's chromium.

Simulates a network (synthetic data), ingests and scans it, opens the queue, takes a few
decisions so the dashboard has something to show (a campaign removed with four eyes, a
restriction, an appeal upheld), enrols the most approached organisation's staff with a partner
user, then photographs the queue, a case, the dashboard, the audit log, the campaigns, a campaign
(one with a possible photo-theft victim when there is one) and the organisation page.

    .venv/bin/python scripts/console_screenshots.py [--out docs/img] [--members 3000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

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
    _partner(store)
    return store


def _partner(store: Any) -> None:
    """The organisation whose staff the flagged accounts approached most, its staff enrolled and
    a partner user linked to it (for the organisation page)."""
    from collections import Counter

    from unmask.auth import create_user
    from unmask.org.repo import create_org, enrol, link_user

    snap = store.snapshot(["account", "organisation", "invitation", "message"])
    with store.unit_of_work() as uow:
        scan = uow.scans.latest()
        flagged = {m for c in uow.scans.campaigns(scan.id) for m in c.members}
    employer = {
        a.id: a.positions[0].organisation_id
        for a in snap.accounts.values()
        if a.positions and a.positions[0].organisation_id
    }
    hits = Counter(
        employer[i.recipient]
        for i in snap.invitations
        if i.sender in flagged and i.recipient in employer
    )
    org_id = hits.most_common(1)[0][0]
    org = snap.organisations[org_id]
    staff = [a for a, o in employer.items() if o == org_id]
    new_id = create_org(store, org.name)
    enrol(store, new_id, staff)
    user, _ = create_user(store, "sec-team", "partner", "screenshot-password")
    link_user(store, new_id, user.id)


def _victim_campaign(store: Any) -> str:
    """A campaign with a possible photo-theft victim when there is one, else the riskiest."""
    from unmask.cases.provenance import campaign_victims
    from unmask.scoring import load_policy

    lead = load_policy().review.photo_owner_lead_days
    with store.unit_of_work() as uow:
        scan = uow.scans.latest()
        camps = sorted(uow.scans.campaigns(scan.id), key=lambda c: -c.risk)
        with_victim = [c for c in camps if campaign_victims(uow, c, lead)]
    return str((with_victim or camps)[0].key)


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
        page.goto(base + "/console/campaigns")
        page.screenshot(path=str(out / "console-campaigns.png"), full_page=True)
        page.goto(f"{base}/console/campaigns/{_victim_campaign(store)}")
        page.wait_for_selector("#graph svg")
        page.screenshot(path=str(out / "console-campaign.png"), full_page=True)
        page.click("text=Sign out")
        page.goto(base + "/login")
        page.fill("#name", "sec-team")
        page.fill("#password", "screenshot-password")
        page.click("button[type=submit]")
        page.wait_for_url("**/console/org")
        page.screenshot(path=str(out / "console-org.png"), full_page=True)


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
