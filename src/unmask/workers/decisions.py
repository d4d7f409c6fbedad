"""Live decisions in the store: idempotent saves, outcomes, listing, and the nightly overturn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from unmask.live.decide import PERMISSIVE, Decision
from unmask.live.events import LiveEvent
from unmask.model.live import LiveRecord
from unmask.store import Store
from unmask.store.interface import UnitOfWork


def _row(event: LiveEvent, d: Decision, source: str, now: datetime) -> LiveRecord:
    return LiveRecord(
        event_key=d.event_key,
        kind=d.kind,
        subject=d.subject,
        target=d.target,
        decision=d.decision,
        risk=d.risk,
        policy_version=d.policy_version,
        source=source,
        event_at=event.at,
        decided_at=now,
        reasons=[asdict(r) for r in d.reasons],
        features=dict(d.features),
    )


def _outcomes(uow: UnitOfWork, items: Sequence[tuple[LiveEvent, Decision]]) -> None:
    """An invitation's outcome event marks the decision taken when it was sent."""
    for event, d in items:
        if d.decision != "recorded" or event.kind != "invitation":
            continue
        status = event.key.rsplit(":", 1)[1]
        sent_key = event.key.rsplit(":", 1)[0] + ":pending"
        uow.live.set_outcome(sent_key, status, event.at)


def save(store: Store, items: Sequence[tuple[LiveEvent, Decision]], source: str) -> set[str]:
    """Store decisions (one transaction); returns the event keys that were new."""
    if not items:
        return set()
    now = datetime.now(UTC)
    with store.unit_of_work() as uow:
        new = uow.live.add_new([_row(e, d, source, now) for e, d in items])
        _outcomes(uow, [(e, d) for e, d in items if d.event_key in new])
    return new


def save_one(store: Store, event: LiveEvent, d: Decision, source: str) -> bool:
    """Store one decision; False when the event was decided before (nothing is changed)."""
    return bool(save(store, [(event, d)], source))


def get(store: Store, event_key: str) -> dict[str, Any] | None:
    """The stored decision as a JSON-ready row."""
    with store.unit_of_work() as uow:
        found = uow.live.get(event_key)
    return asdict(found) if found is not None else None


def listing(
    store: Store,
    kind: str | None = None,
    decision: str | None = None,
    subject: str | None = None,
    overturned: bool | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> tuple[list[dict[str, Any]], int]:
    """Stored decisions as rows, newest first, and how many match."""
    with store.unit_of_work() as uow:
        rows, total = uow.live.listing(
            kind=kind,
            decision=decision,
            subject=subject,
            overturned=overturned,
            before_id=before_id,
            limit=limit,
        )
    return [asdict(r) for r in rows], total


def reconcile(store: Store, routes: Sequence[str], scan_id: int | None = None) -> int:
    """Mark permissive live decisions whose subject a batch scan routed to ``routes``."""
    with store.unit_of_work() as uow:
        if scan_id is None:
            latest = uow.scans.latest()
            if latest is None:
                return 0
            scan_id = latest.id
        candidates = uow.live.open_permissive(sorted(PERMISSIVE))
        subjects = sorted({s for _, s in candidates})
        routed = uow.scans.assessments(scan_id, subjects=subjects, routes=list(routes))
        by_subject = {a.subject: a for a in routed}
        hits = [(i, by_subject[s]) for i, s in candidates if s in by_subject]
        for did, a in hits:
            uow.live.overturn(did, scan_id, a.route, a.risk)
    return len(hits)
