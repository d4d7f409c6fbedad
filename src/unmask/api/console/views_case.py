"""Everything the case page shows, gathered from the store."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from unmask.api.console.charts import SENSITIVE, colour, hbars, timeline
from unmask.api.console.graph import Node, neighbourhood
from unmask.api.console.views_common import people, person, risk_class
from unmask.audit import event_dict, iter_events
from unmask.cases.campaigns import campaign_name
from unmask.cases.context import AccountContext, load_context
from unmask.cases.evidence import case_findings
from unmask.cases.machine import TransitionError
from unmask.cases.provenance import victims_of
from unmask.model.findings import Finding
from unmask.model.records import Account
from unmask.model.review import Case
from unmask.store.interface import DataStore, UnitOfWork
from unmask.store.queries import records_in

_STATUS_COLOURS = {
    "accepted": "#16a34a",
    "pending": "#f59e0b",
    "ignored": "#94a3b8",
    "withdrawn": "#cbd5e1",
}


def _charts(ctx: AccountContext, flagged: set[str]) -> dict[str, Any]:
    sectors = ctx.sector_counts().most_common(10)
    bars = hbars([(s, float(n), colour(s)) for s, n in sectors], "targets by sector", width=700)
    events = [
        (
            i.sent_at,
            "invitations",
            _STATUS_COLOURS.get(i.status.value, "#94a3b8"),
            f"invitation to {i.recipient} ({i.status.value}) {i.sent_at:%d %b %H:%M}",
        )
        for i in ctx.snapshot.invitations
        if i.sender == ctx.subject
    ]
    events += [
        (m.sent_at, "messages", "#2563eb", f"message to {m.recipient}: {m.body[:80]}")
        for m in ctx.snapshot.messages
        if m.sender == ctx.subject
    ]
    events += [
        (r.created_at, "reports", "#dc2626", f"report by {r.reporter}: {r.reason.value}")
        for r in ctx.snapshot.reports
    ]
    line = timeline(events, ["invitations", "messages", "reports"], "timeline of approaches", 700)
    snap = ctx.snapshot
    connected = ctx.neighbours
    ring = set(connected) | set(ctx.contacted)
    nodes = [
        Node(
            m,
            snap.accounts[m].name if m in snap.accounts else m,
            snap.sector_of(m),
            "connected" if m in connected else "invited",
            m in flagged,
        )
        for m in ring
    ]
    chords = [
        (c.source, c.target) for c in snap.connections if c.source in ring and c.target in ring
    ]
    center = ctx.account.name if ctx.account else ctx.subject
    return {
        "sectors": bars,
        "timeline": line,
        "graph": neighbourhood(center, nodes, chords),
        "sector_rows": sectors,
    }


def _similar(uow: UnitOfWork, case: Case, found: list[Finding]) -> list[dict[str, Any]]:
    why: dict[str, list[str]] = {}
    for f in found:
        for e in f.evidence:
            for other in e.related:
                why.setdefault(str(other), []).append(f.detector.replace("_", " "))
    if case.campaign:
        for c in uow.cases.of_campaign(case.campaign):
            why.setdefault(c.subject, []).append("same campaign")
    why.pop(case.subject, None)
    ids = sorted(why)[:40]
    scan = uow.scans.latest()
    scored = uow.scans.assessments(scan.id, subjects=ids) if ids and scan is not None else []
    risks = {a.subject: a.risk for a in scored}
    cases = uow.cases.latest_for(ids)
    found_people = people(uow.records, ids)
    ids = [i for i in ids if i in found_people]  # evidence may also name organisations
    ranked = sorted(ids, key=lambda i: (-len(set(why[i])), -float(risks.get(i, 0.0))))[:12]
    return [
        {
            "person": person(found_people, i),
            "risk": float(risks.get(i, 0.0)),
            "risk_class": risk_class(float(risks.get(i, 0.0))),
            "why": sorted(set(why[i])),
            "case": cases.get(i),
        }
        for i in ranked
    ]


def case_view(store: DataStore, case_id: int, lead_days: int = 180) -> dict[str, Any]:
    with store.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        if case is None:
            raise TransitionError(f"no case {case_id}", 404)
        ctx = load_context(uow.records, case.subject)
        found = case_findings(uow, case)
        members = uow.cases.of_campaign(case.campaign) if case.campaign else []
        others = uow.cases.latest_for(sorted(set(ctx.neighbours) | set(ctx.contacted)))
        flagged = {c.subject for c in members} | {
            s
            for s, c in others.items()
            if c.outcome in ("removed", "restricted") or c.status != "closed"
        }
        similar = _similar(uow, case, found)
        member_people = people(uow.records, [c.subject for c in members])
        victims = victims_of(uow, case.campaign, lead_days)
        member_accounts = records_in(uow.records, Account, "id", [c.subject for c in members])
        state = uow.enforcement.state(case.subject)
        notified = len(uow.enforcement.notified(case.subject))
        history = [asdict(d) for d in uow.cases.decisions_of(case.id)]
        case_appeals = [asdict(a) for a in uow.cases.appeals_of(case.id)]
        connections = uow.records.connection_count(case.subject)
    pending = next((d for d in history if d["status"] == "pending"), None)
    return {
        "case": case,
        "account": ctx.account,
        "employer": ctx.employer(),
        "ctx": ctx,
        "findings": found,
        "charts": _charts(ctx, flagged),
        "similar": similar,
        "campaign": [
            {
                "case": c,
                "person": person(member_people, c.subject),
                "risk_class": risk_class(c.risk),
                "victim": c.subject in victims,
            }
            for c in members
        ],
        "campaign_name": campaign_name(member_accounts, victims) if member_accounts else None,
        "is_victim": case.subject in victims,
        "campaign_risk": max((c.risk for c in members), default=case.risk),
        "state": state,
        "notified": notified,
        "history": history,
        "appeals": case_appeals,
        "pending": pending,
        "connections": connections,
        "contacted": len(ctx.contacted),
        "sensitive_share": _share(ctx),
        "risk_class": risk_class(case.risk),
        "events": [event_dict(e) for e in iter_events(store, case.id)][-30:],
    }


def _share(ctx: AccountContext) -> float:
    counts: Counter[str] = ctx.sector_counts()
    total = sum(counts.values())
    return sum(n for s, n in counts.items() if s in SENSITIVE) / total if total else 0.0
