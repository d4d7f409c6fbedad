"""Organisations in the store: create, enrol staff (as HMACs), link security-team users, and
build the organisation view from the stored records and the latest scan."""

from __future__ import annotations

import re
from collections.abc import Iterable

from unmask.org.identity import ident_hash, load_secret, normalise
from unmask.org.view import OrgView, org_view
from unmask.store import Store
from unmask.store.interface import ConflictError


class OrgError(ValueError):
    pass


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:64] or "org"


def create_org(store: Store, name: str) -> str:
    org_id = slug(name)
    try:
        with store.unit_of_work() as uow:
            uow.members.add_org(org_id, name)
    except ConflictError:
        raise OrgError(f"an organisation {org_id!r} already exists") from None
    return org_id


def org_name(store: Store, org_id: str) -> str:
    with store.unit_of_work() as uow:
        name = uow.members.org_name(org_id)
    if name is None:
        raise OrgError(f"no organisation {org_id!r}")
    return name


def enrol(store: Store, org_id: str, identifiers: Iterable[str]) -> int:
    """Add staff identifiers (stored only as HMACs); returns how many were new."""
    org_name(store, org_id)
    secret = load_secret(store.settings)
    hashes = {ident_hash(secret, i) for i in identifiers if normalise(i)}
    with store.unit_of_work() as uow:
        new = sorted(hashes - uow.members.staff(org_id))
        uow.members.add_staff(org_id, new)
    return len(new)


def link_user(store: Store, org_id: str, user_id: int) -> None:
    org_name(store, org_id)
    with store.unit_of_work() as uow:
        uow.members.link_user(user_id, org_id)


def org_of_user(store: Store, user_id: int) -> str | None:
    with store.unit_of_work() as uow:
        return uow.members.org_of_user(user_id)


def _latest_risk(store: Store) -> dict[str, float]:
    with store.unit_of_work() as uow:
        scan = uow.scans.latest()
        if scan is None:
            return {}
        return {a.subject: a.risk for a in uow.scans.assessments(scan.id)}


def build_view(store: Store, org_id: str, review: float = 0.5) -> OrgView:
    org_name(store, org_id)
    secret = load_secret(store.settings)
    with store.unit_of_work() as uow:
        enrolled = uow.members.staff(org_id)
    kinds = ("account", "organisation", "invitation", "message", "report", "label")
    snapshot = store.snapshot(kinds)
    return org_view(
        snapshot, lambda a: ident_hash(secret, a) in enrolled, _latest_risk(store), review
    )
