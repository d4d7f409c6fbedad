"""The organisation security team's page: the organisation view (``unmask.org``) of the
partner's own organisation, with each campaign named by the engine's campaign key and each
hostile sender's and reported account's outcome since."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from unmask.api.console.charts import columns, hbars
from unmask.org.labels import labels, unlinked
from unmask.org.repo import build_view, org_name
from unmask.org.view import OrgView
from unmask.store import Store


def _periods(
    approaches: list[datetime], reports: list[datetime]
) -> tuple[list[str], list[int], list[int]]:
    """Counts per week (per month when the span is longer than half a year), gaps included."""
    times = approaches + reports
    if not times:
        return [], [], []
    lo, hi = min(times), max(times)
    if hi - lo > timedelta(weeks=26):
        months = []
        y, m = lo.year, lo.month
        while (y, m) <= (hi.year, hi.month):
            months.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        key = [f"{t.year:04d}-{t.month:02d}" for t in approaches]
        rkey = [f"{t.year:04d}-{t.month:02d}" for t in reports]
        return months, [key.count(p) for p in months], [rkey.count(p) for p in months]
    start = (lo - timedelta(days=lo.weekday())).date()
    weeks = [start + timedelta(weeks=i) for i in range((hi.date() - start).days // 7 + 1)]

    def week(t: datetime) -> date:
        return t.date() - timedelta(days=t.weekday())

    a, r = Counter(week(t) for t in approaches), Counter(week(t) for t in reports)
    return [f"{w:%d %b}" for w in weeks], [a[w] for w in weeks], [r[w] for w in weeks]


def org_page_view(store: Store, org_id: str) -> dict[str, Any]:
    view: OrgView = build_view(store, org_id)
    campaign_of, outcome = labels(store, view)
    senders = sorted({a.sender for a in view.approaches})
    staff_of: dict[str, set[str]] = defaultdict(set)
    rows = []
    for a in view.approaches:
        label = campaign_of.get(a.sender) or unlinked(a.campaign)
        staff_of[label].add(a.staff)
        rows.append({"a": a, "campaign": label, "outcome": outcome[a.sender]})
    campaigns = sorted(
        ((c, len(s)) for c, s in staff_of.items() if len(s) >= 2), key=lambda x: (-x[1], x[0])
    )
    report_rows = [{"r": r, "outcome": outcome[r.reported]} for r in view.reports]
    removed = {s for s in senders if outcome[s] in ("removed", "restricted")}
    confirmed = sum(1 for r in report_rows if r["outcome"] in ("removed", "restricted"))
    periods, per_a, per_r = _periods([a.at for a in view.approaches], [r.at for r in view.reports])
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
        "approaches": rows[::-1],
        "campaigns": campaigns,
        "reports": report_rows[::-1][:300],
        "over_time": columns(
            periods,
            [("approaches", per_a, "#6366f1"), ("reports by staff", per_r, "#16a34a")],
            "approaches to staff and reports by staff over time",
        ),
        "shown": 25,
        "sectors": hbars(
            [(s.replace("_", " "), float(n), "#b35a2f") for s, n in view.sectors_targeted.items()][
                :12
            ],
            "sectors targeted by the same campaigns",
        ),
    }
