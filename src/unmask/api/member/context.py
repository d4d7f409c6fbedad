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

from unmask.model import Account, Finding, Organisation, Snapshot
from unmask.model.review import Case
from unmask.store import Store
from unmask.store.queries import all_records


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
        with self.store.unit_of_work() as uow:
            n = uow.records.count("account")
        if n == self._lookup.accounts:
            return self._lookup
        by_employer: dict[str, list[str]] = defaultdict(list)
        by_photo: dict[str, list[str]] = defaultdict(list)
        for a in self.store.iter_records("account"):
            assert isinstance(a, Account)
            for p in a.positions:
                for name in {p.employer.casefold(), p.organisation_id}:
                    if name:
                        by_employer[name].append(a.id)
            for h in (a.photo.sha256, a.photo.pdq) if a.photo else ():
                if h:
                    by_photo[h].append(a.id)
        self._lookup = _Lookup(n, dict(by_employer), dict(by_photo))
        return self._lookup

    def snapshot(self, profile: Account, public: bool = False) -> Snapshot:
        """The context of ``profile``. ``public``: only what any member sees on the platform's
        pages (the named employers' pages and the accounts that list them, less any with the
        profile's own name), never the stored account with the profile's id or accounts
        matched by photo: the answer does not depend on whether the typed id exists."""
        with self._lock:
            lookup = self._refresh()
        ids: set[str] = set() if public else {profile.id}
        names = {p.employer.casefold() for p in profile.positions}
        org_ids = {p.organisation_id for p in profile.positions if p.organisation_id}
        with self.store.unit_of_work() as uow:
            orgs = all_records(uow.records, Organisation)
        org_keys = {o.id for o in orgs if o.name.lower() in names or o.id in org_ids}
        for name in names | org_ids:
            ids.update(lookup.by_employer.get(name, ())[:5000])
        if profile.photo and not public:
            for h in (profile.photo.sha256, profile.photo.pdq):
                ids.update(lookup.by_photo.get(h or "", ())[:500])
        found = [self.store.get("account", k) for k in sorted(ids)]
        if public:  # the profile's own stored copy is not "another account" (matched by name)
            found = [a for a in found if not (isinstance(a, Account) and _same(a, profile))]
        pages = [self.store.get("organisation", k) for k in sorted(org_keys)]
        return Snapshot(
            accounts={a.id: a for a in found if isinstance(a, Account)},
            organisations={o.id: o for o in pages if isinstance(o, Organisation)},
            as_of=datetime.now(UTC),
        )

    def stored_account(self, account_id: str) -> Account | None:
        found = self.store.get("account", account_id)
        return found if isinstance(found, Account) else None

    def review(self, subject: str) -> Case | None:
        """The newest review case of ``subject`` (open or decided), if any."""
        with self.store.unit_of_work() as uow:
            return uow.cases.latest_for([subject]).get(subject)

    def stored_findings(self, subject: str) -> list[Finding]:
        """The subject's findings in the latest finished scan, as the scan wrote them."""
        with self.store.unit_of_work() as uow:
            scan = uow.scans.latest()
            return uow.scans.findings(scan.id, subject) if scan is not None else []


def _same(a: Account, b: Account) -> bool:
    return " ".join(a.name.split()).casefold() == " ".join(b.name.split()).casefold()
