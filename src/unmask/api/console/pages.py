"""The console's pages: queue, case, dashboard and audit."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from unmask.api.console.charts import colour, columns, hbars
from unmask.api.console.deps import ConsoleUser, DeskDep
from unmask.api.console.render import page
from unmask.api.console.views_case import case_view
from unmask.api.console.views_common import people, person, risk_class
from unmask.api.deps import PathId, QueryId
from unmask.audit import event_dict, iter_events, verify
from unmask.auth.permissions import allowed, refusal
from unmask.cases.machine import TransitionError
from unmask.cases.metrics import dashboard
from unmask.cases.repo import QUEUE_STATUSES, SORTS, Filters

router = APIRouter(prefix="/console", include_in_schema=False)
STATUSES = ("queue", "open", "escalated", "awaiting_second", "appealed", "closed", "all")


@router.get("/queue")
def queue_page(
    request: Request,
    desk: DeskDep,
    user: ConsoleUser,
    status: Annotated[str, Query(pattern="^(" + "|".join(STATUSES) + ")$")] = "queue",
    campaign: Annotated[str, Query(max_length=80)] = "",
    min_risk: Annotated[float, Query(ge=0, le=1)] = 0.0,
    q: Annotated[str, Query(max_length=200)] = "",
    sort: Annotated[str, Query(pattern="^(" + "|".join(SORTS) + ")$")] = "priority",
    page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    f = Filters(
        None if status == "all" else status,
        campaign or None,
        min_risk or None,
        q or None,
        sort,
        50,
        50 * (page_no - 1),
    )
    with desk.store.unit_of_work() as uow:
        items, total = uow.cases.search(f)
        found = people(uow.records, [c.subject for c in items])
        summary = uow.cases.summary()
    by_status = summary.by_status
    campaigns = summary.queued_campaigns
    oldest = min(summary.queued_opened, default=None)
    rows = [
        {"case": c, "person": person(found, c.subject), "risk_class": risk_class(c.risk)}
        for c in items
    ]
    return page(
        request,
        "queue.html",
        rows=rows,
        total=total,
        f=f,
        status=status,
        campaigns=campaigns,
        by_status=by_status,
        oldest=oldest,
        sorts=SORTS,
        statuses=STATUSES,
        page_no=page_no,
        pages=max(1, (total + 49) // 50),
        queued=sum(by_status.get(s, 0) for s in QUEUE_STATUSES),
    )


@router.get("/cases/{case_id}")
def case_page(
    request: Request,
    case_id: PathId,
    desk: DeskDep,
    user: ConsoleUser,
    msg: str = "",
    error: str = "",
) -> HTMLResponse:
    try:
        view = case_view(desk.store, case_id, desk.policy.review.photo_owner_lead_days)
    except TransitionError as exc:
        return page(request, "error.html", status_code=exc.code, message=str(exc))
    return page(request, "case.html", msg=msg, error=error, policy=desk.policy, **view)


@router.get("/dashboard")
def dashboard_page(request: Request, desk: DeskDep, user: ConsoleUser) -> HTMLResponse:
    d = dashboard(desk.store)
    ages = columns(
        [a for a, _ in d.ages], [("open cases", [n for _, n in d.ages], "#6366f1")], "queue age"
    )
    per_day = columns(
        d.days,
        [
            ("cleared", d.per_day.get("clear", []), "#16a34a"),
            ("restricted", d.per_day.get("restrict", []), "#f59e0b"),
            ("removed", d.per_day.get("remove", []), "#dc2626"),
        ],
        "decisions per day",
    )
    prevalence = hbars(
        [(s, round(100 * hit / n, 1), colour(s)) for s, n, hit in d.prevalence if n][:12],
        "prevalence by sector (reviewed outcomes only)",
        unit="%",
    )
    buckets = [("< 7 d", 7), ("7–14 d", 14), ("14–30 d", 30), ("30–90 d", 90), ("> 90 d", 10**9)]
    lo, counts = 0.0, []
    for _, hi in buckets:
        counts.append(sum(1 for x in d.to_removal_days if lo <= x < hi))
        lo = hi
    to_removal = columns(
        [b for b, _ in buckets],
        [("removed accounts", counts, "#0f172a")],
        "time from first approach to removal",
    )
    return page(
        request,
        "dashboard.html",
        d=d,
        ages=ages,
        per_day=per_day,
        prevalence=prevalence,
        to_removal=to_removal,
    )


@router.get("/audit")
def audit_page(
    request: Request, desk: DeskDep, user: ConsoleUser, case_id: QueryId = None
) -> HTMLResponse:
    if not allowed(user.role, "audit"):
        raise HTTPException(403, refusal(user.role, "audit"))
    events = [event_dict(e) for e in iter_events(desk.store, case_id)]
    return page(
        request,
        "audit.html",
        check=verify(desk.store),
        events=events[::-1][:300],
        total=len(events),
        case_id=case_id,
    )
