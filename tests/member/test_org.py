"""The organisation view: hashed enrolment, approaches, campaigns, figures and the report."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from tests.member.world import T0

from unmask.ingest.validate import content_hash
from unmask.model import Label
from unmask.model.enums import LabelValue
from unmask.org.repo import build_view, create_org, enrol
from unmask.org.report import render_report
from unmask.store import Store, record_row
from unmask.store.member_schema import org_staff


def test_staff_are_stored_hashed_and_approaches_found(world_store: Store) -> None:
    labels = [
        Label(account_id=p, label=LabelValue.FAKE, source="test", at=T0, campaign="camp-7")
        for p in ("persona-1", "persona-2")
    ]
    with world_store.engine.begin() as conn:
        rows = [record_row(lb, content_hash(lb), datetime.now(UTC)) for lb in labels]
        world_store.insert_rows(conn, "label", rows)
    org = create_org(world_store, "Northwind Defence")
    ids = [f"staff-{i}" for i in range(4)] + ["https://platform.example/in/STAFF-4/"]
    assert enrol(world_store, org, ids) == 5
    assert enrol(world_store, org, ids) == 0
    with world_store.connect() as conn:
        stored = conn.execute(select(org_staff.c.ident_hash)).scalars().all()
    assert all(len(h) == 64 and "staff" not in h for h in stored)
    view = build_view(world_store, org)
    assert view.staff_on_platform == 5
    assert {a.staff for a in view.approaches} == {
        "staff-0",
        "staff-1",
        "staff-2",
        "staff-3",
        "staff-4",
    }
    assert view.campaigns == {"camp-7": 5}
    assert sum(view.approaches_by_month.values()) == 5
    assert view.sectors_targeted.get("defence", 0) >= 5
    html = render_report("Northwind Defence", view)
    assert "<svg" in html and "camp-7" in html and "<script" not in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
