"""The organisation security team's page: the organisation view (``unmask.org``) of the
partner's own organisation, with each campaign named by the engine's campaign key and each
hostile sender's and reported account's outcome since."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from unmask.api.console.charts import columns, hbars
from unmask.api.console.views_campaign import campaign_name
from unmask.model.records import Account
from unmask.model.review import Case
from unmask.org.repo import build_view, org_name
from unmask.org.view import OrgView
from unmask.store import Store
from unmask.store.queries import records_in

OUTCOME_WORDS = {
    "removed": "removed",
    "restricted": "restricted",
    "cleared": "cleared",
    "open": "under review",
    "escalated": "under review",
    "awaiting_second": "under review",
    "appealed": "under review",
}


def _outcome(case: Case | None) -> str:
    if case is None:
        return "no case"
    state = case.outcome or case.status
    return OUTCOME_WORDS.get(state, state)


def org_page_view(store: Store, org_id: str) -> dict[str, Any]:
    view: OrgView = build_view(store, org_id)
    senders = sorted({a.sender for a in view.approaches})
    reported = sorted({r.reported for r in view.reports})
    with store.unit_of_work() as uow:
        scan = uow.scans.latest()
        camps = uow.scans.campaigns(scan.id) if scan is not None else []
        key_of = {m: c.key for c in camps for m in c.members if m in set(senders)}
        names = {
            c.key: campaign_name(records_in(uow.records, Account, "id", c.members))
            for c in camps
            if c.key in set(key_of.values())
        }
        cases = uow.cases.latest_for(sorted(set(senders) | set(reported)))
    staff_of: dict[str, set[str]] = defaultdict(set)
    rows = []
    for a in view.approaches:
        key = key_of.get(a.sender)
        label = f"{names[key]} ({key})" if key else a.campaign
        staff_of[label].add(a.staff)
        rows.append({"a": a, "campaign": label, "outcome": _outcome(cases.get(a.sender))})
    campaigns = sorted(
        ((c, len(s)) for c, s in staff_of.items() if len(s) >= 2), key=lambda x: (-x[1], x[0])
    )
    report_rows = [{"r": r, "outcome": _outcome(cases.get(r.reported))} for r in view.reports]
    removed = {s for s in senders if _outcome(cases.get(s)) in ("removed", "restricted")}
    confirmed = sum(1 for r in report_rows if r["outcome"] in ("removed", "restricted"))
    months = list(view.approaches_by_month)
    summary = {
        "staff": view.staff_on_platform,
        "approaches": len(view.approaches),
        "staff_approached": len({a.staff for a in view.approaches}),
        "senders": len(senders),
        "senders_actioned": len(removed),
        "campaigns": len(campaigns),
        "reports": len(view.reports),
        "reports_confirmed": confirmed,
        "outcomes": Counter(r["outcome"] for r in rows),
    }
    return {
        "org_id": org_id,
        "org_name": org_name(store, org_id),
        "summary": summary,
        "approaches": rows[::-1][:300],
        "campaigns": campaigns,
        "reports": report_rows[::-1][:300],
        "by_month": columns(
            months,
            [
                ("approaches", [view.approaches_by_month[m] for m in months], "#6366f1"),
                ("reports by staff", [view.reports_by_month.get(m, 0) for m in months], "#16a34a"),
            ],
            "approaches to staff and reports by staff, by month",
        ),
        "sectors": hbars(
            [(s.replace("_", " "), float(n), "#b35a2f") for s, n in view.sectors_targeted.items()][
                :12
            ],
            "sectors targeted by the same campaigns",
        ),
    }
