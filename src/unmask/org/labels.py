"""What the organisation view's readers need beside the view: each hostile sender's campaign
named by the engine's campaign key (``name (cmp-…)``, as on the console) and what became of each
sender and reported account since (removed, restricted, cleared, under review, no case)."""

from __future__ import annotations

from unmask.cases.campaigns import campaign_name
from unmask.model.records import Account
from unmask.model.review import Case
from unmask.org.repo import build_view, org_name
from unmask.org.report import render_report
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


def labels(store: Store, view: OrgView) -> tuple[dict[str, str], dict[str, str]]:
    """Each sender's campaign as "name (cmp-key)" from the latest scan, and what became of each
    sender and reported account since (removed, restricted, cleared, under review, no case)."""
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
    campaign_of = {s: f"{names[k]} ({k})" for s, k in key_of.items()}
    return campaign_of, {s: _outcome(cases.get(s)) for s in set(senders) | set(reported)}


def unlinked(label: str) -> str:
    """A sender in no campaign of the latest scan: alone, or a campaign a label names."""
    return label if label.startswith("persona ") else f"{label} (from a reviewer label)"


def report_html(store: Store, org_id: str) -> str:
    view = build_view(store, org_id)
    campaign_of, outcome_of = labels(store, view)
    return render_report(org_name(store, org_id), view, None, campaign_of, outcome_of)
