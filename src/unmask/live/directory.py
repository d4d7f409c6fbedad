"""What the live path needs to know about the members an event touches, behind one seam.

``Directory`` answers two questions: where does a member work (organisation key and sector, for
concentration and sensitive-sector features) and what did the last batch scan conclude about an
account (its risk and route: the nightly scan's verdict is the live path's prior). The batch
replay and the tests use ``SnapshotDirectory``; the server and workers use the store-backed
``unmask.workers.directory.StoreDirectory``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from unmask.model import Snapshot
from unmask.model.enums import SENSITIVE_SECTORS


@dataclass(frozen=True, slots=True)
class Member:
    organisation: str | None  # an organisation id, or a normalised employer name
    sector: str | None

    @property
    def sensitive(self) -> bool:
        return self.sector in {s.value for s in SENSITIVE_SECTORS}


@dataclass(frozen=True, slots=True)
class Prior:
    risk: float
    route: str
    scan_id: int


class Directory(Protocol):
    def member(self, account_id: str) -> Member | None: ...

    def prior(self, account_id: str) -> Prior | None: ...


def employer_key(employer: str) -> str:
    return " ".join(employer.casefold().replace(",", " ").replace(".", " ").split())


def resolve_member(
    org_id: str | None,
    employer: str | None,
    by_id: Mapping[str, tuple[str, str]],
    by_name: Mapping[str, tuple[str, str]],
) -> Member:
    """One definition of a member's organisation and sector from their current position.

    ``by_id`` maps organisation ids, ``by_name`` case-folded organisation names, to
    ``(organisation id, sector)``. An employer without a page is keyed by its normalised name.
    """
    if employer is None:
        return Member(None, None)
    hit = by_id.get(org_id or "") or by_name.get(employer.casefold())
    return Member(hit[0], hit[1]) if hit else Member(employer_key(employer), None)


class SnapshotDirectory:
    def __init__(self, snapshot: Snapshot, priors: Mapping[str, Prior] | None = None) -> None:
        self.snapshot = snapshot
        self.priors = dict(priors or {})
        self._cache: dict[str, Member | None] = {}
        orgs = snapshot.organisations.values()
        self._by_id = {o.id: (o.id, o.sector.value) for o in orgs}
        self._by_name = {o.name.casefold(): (o.id, o.sector.value) for o in orgs}

    def member(self, account_id: str) -> Member | None:
        if account_id not in self._cache:
            account = self.snapshot.accounts.get(account_id)
            pos = account.positions[0] if account and account.positions else None
            self._cache[account_id] = (
                None
                if account is None
                else resolve_member(
                    pos.organisation_id if pos else None,
                    pos.employer if pos else None,
                    self._by_id,
                    self._by_name,
                )
            )
        return self._cache[account_id]

    def prior(self, account_id: str) -> Prior | None:
        return self.priors.get(account_id)
