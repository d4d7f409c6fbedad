"""The dashboard's prevalence counts only reviewed outcomes; accounts restricted by the policy
and awaiting review are shown on their own, never as confirmed fakes."""

from __future__ import annotations

from unmask.cases.metrics import dashboard
from unmask.cases.service import Desk
from unmask.model.review import Filters


def test_auto_restricted_accounts_are_not_confirmed_fakes(desk: Desk) -> None:
    store = desk.store
    with store.unit_of_work() as uow:
        everything, _ = uow.cases.search(Filters(status=None, limit=10_000))
        case = sorted(everything, key=lambda c: c.id)[0]
        # what the policy's auto-restriction leaves: restricted, still waiting for a reviewer
        uow.cases.update(case.id, outcome="restricted")
    d = dashboard(store)
    open_restricted = [c for c in everything if c.status != "closed"]
    assert d.restricted_awaiting >= 1 and d.restricted_reviewed == 0
    assert len(open_restricted) >= 1
    # nothing was decided by a reviewer yet: no sector has a confirmed approach
    assert all(hit == 0 for _, _, hit in d.prevalence), d.prevalence
