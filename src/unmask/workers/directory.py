"""The store-backed ``Directory``: members' organisations and the latest scan's verdicts, cached.

``prefetch(ids)`` loads a batch of accounts and priors in two queries (the workers call it per
batch); single lookups fall back to one query each. Organisations are loaded whole and refreshed
every ``ttl`` seconds (there are few of them); priors are cached for ``ttl`` seconds too, so a new
nightly scan reaches the live path within that time.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from unmask.live.directory import Member, Prior, resolve_member
from unmask.model.records import Organisation
from unmask.store import Store
from unmask.store.queries import all_records

_CHUNK = 900
_MAX_CACHE = 200_000


class StoreDirectory:
    def __init__(self, store: Store, ttl: float = 60.0) -> None:
        self.store = store
        self.ttl = ttl
        self._members: dict[str, Member | None] = {}
        self._priors: dict[str, Prior | None] = {}
        self._loaded_at = -1e18
        self._scan_id: int | None = None
        self._by_id: dict[str, tuple[str, str]] = {}
        self._by_name: dict[str, tuple[str, str]] = {}

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._loaded_at < self.ttl:
            return
        with self.store.unit_of_work() as uow:
            orgs = all_records(uow.records, Organisation)
            latest = uow.scans.latest()
        scan = latest.id if latest is not None else None
        self._by_id = {o.id: (o.id, o.sector.value) for o in orgs}
        self._by_name = {o.name.casefold(): (o.id, o.sector.value) for o in orgs}
        if scan != self._scan_id or len(self._priors) > _MAX_CACHE:
            self._priors.clear()
        if len(self._members) > _MAX_CACHE:
            self._members.clear()
        self._scan_id = scan
        self._loaded_at = now

    def prefetch(self, account_ids: Iterable[str]) -> None:
        self._refresh()
        asked = {a for a in account_ids if not a.startswith("ip:")}
        ids = sorted(a for a in asked if a not in self._members)
        want = sorted(a for a in asked if a not in self._priors)
        with self.store.unit_of_work() as uow:  # one field, not whole accounts: a hot path
            positions = uow.records.values("account", "positions", ids) if ids else {}
        for aid in sorted(positions):
            first = (positions.get(aid) or [{}])[0]
            org_id, employer = first.get("organisation_id"), first.get("employer")
            self._members[aid] = resolve_member(org_id, employer, self._by_id, self._by_name)
        for aid in ids:
            self._members.setdefault(aid, None)
        scan_id = self._scan_id
        if scan_id is None:
            self._priors.update(dict.fromkeys(want))
            return
        with self.store.unit_of_work() as uow:
            rows = uow.scans.assessments(scan_id, subjects=want) if want else []
        got = {a.subject: Prior(a.risk, a.route, scan_id) for a in rows}
        self._priors.update({a: got.get(a) for a in want})

    def member(self, account_id: str) -> Member | None:
        if account_id not in self._members:
            self.prefetch([account_id])
        return self._members.get(account_id)

    def prior(self, account_id: str) -> Prior | None:
        if account_id not in self._priors:
            self.prefetch([account_id])
        return self._priors.get(account_id)
