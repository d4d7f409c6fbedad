"""What the platform knows about a profile being checked: a small context snapshot and the
findings of the latest scan, read from the store.

The context holds the stored profile (when its id is known), the page of each employer it names,
the accounts that list those employers and the accounts with the same photo. Employer staff and
photo matches come from an in-memory lookup over the accounts table, rebuilt when the number of
stored accounts changes (one streaming pass: fine for a demo or a mid-sized platform; a real
deployment keeps these as indexed columns).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, select

from unmask.model import Account, Finding, Organisation, Snapshot
from unmask.store import Store
from unmask.store.schema import RECORD_TABLES


@dataclass
class _Lookup:
    accounts: int = -1
    by_employer: dict[str, list[str]] = field(default_factory=dict)
    by_photo: dict[str, list[str]] = field(default_factory=dict)


class PlatformContext:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._lookup = _Lookup()
        self._lock = threading.Lock()

    def _refresh(self) -> _Lookup:
        table = RECORD_TABLES["account"]
        with self.store.connect() as conn:
            n = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            if n == self._lookup.accounts:
                return self._lookup
            by_employer: dict[str, list[str]] = defaultdict(list)
            by_photo: dict[str, list[str]] = defaultdict(list)
            rows = conn.execute(select(table.c.key, table.c.positions, table.c.photo))
            for key, positions, photo in rows:
                for p in positions or []:
                    for name in {str(p.get("employer", "")).casefold(), p.get("organisation_id")}:
                        if name:
                            by_employer[name].append(key)
                for h in ((photo or {}).get("sha256"), (photo or {}).get("pdq")):
                    if h:
                        by_photo[h].append(key)
        self._lookup = _Lookup(n, dict(by_employer), dict(by_photo))
        return self._lookup

    def snapshot(self, profile: Account) -> Snapshot:
        with self._lock:
            lookup = self._refresh()
        ids: set[str] = {profile.id}
        orgs_table = RECORD_TABLES["organisation"]
        names = {p.employer.casefold() for p in profile.positions}
        org_ids = {p.organisation_id for p in profile.positions if p.organisation_id}
        with self.store.connect() as conn:
            org_keys = set(
                conn.execute(
                    select(orgs_table.c.key).where(
                        func.lower(orgs_table.c.name).in_(sorted(names))
                        | orgs_table.c.key.in_(sorted(org_ids))
                    )
                ).scalars()
            )
        for name in names | org_ids:
            ids.update(lookup.by_employer.get(name, ())[:5000])
        if profile.photo:
            for h in (profile.photo.sha256, profile.photo.pdq):
                ids.update(lookup.by_photo.get(h or "", ())[:500])
        found = [self.store.get("account", k) for k in sorted(ids)]
        pages = [self.store.get("organisation", k) for k in sorted(org_keys)]
        return Snapshot(
            accounts={a.id: a for a in found if isinstance(a, Account)},
            organisations={o.id: o for o in pages if isinstance(o, Organisation)},
            as_of=datetime.now(UTC),
        )

    def stored_account(self, account_id: str) -> Account | None:
        found = self.store.get("account", account_id)
        return found if isinstance(found, Account) else None

    def stored_findings(self, subject: str) -> list[Finding]:
        """The subject's findings in the latest finished scan, as the scan wrote them."""
        with self.store.unit_of_work() as uow:
            scan = uow.scans.latest()
            return uow.scans.findings(scan.id, subject) if scan is not None else []
