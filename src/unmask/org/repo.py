"""Organisations in the store: create, enrol staff (as HMACs), link security-team users, and
build the organisation view from the stored records and the latest scan."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from unmask.org.identity import ident_hash, load_secret, normalise
from unmask.org.view import OrgView, org_view
from unmask.store import Store
from unmask.store.member_schema import org_staff, org_users, orgs


class OrgError(ValueError):
    pass


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:64] or "org"


def create_org(store: Store, name: str) -> str:
    org_id = slug(name)
    try:
        with store.engine.begin() as conn:
            conn.execute(orgs.insert().values(id=org_id, name=name, created_at=datetime.now(UTC)))
    except IntegrityError:
        raise OrgError(f"an organisation {org_id!r} already exists") from None
    return org_id


def org_name(store: Store, org_id: str) -> str:
    with store.connect() as conn:
        name = conn.execute(select(orgs.c.name).where(orgs.c.id == org_id)).scalar()
    if name is None:
        raise OrgError(f"no organisation {org_id!r}")
    return str(name)


def enrol(store: Store, org_id: str, identifiers: Iterable[str]) -> int:
    """Add staff identifiers (stored only as HMACs); returns how many were new."""
    org_name(store, org_id)
    secret = load_secret(store.settings.data_dir)
    hashes = {ident_hash(secret, i) for i in identifiers if normalise(i)}
    with store.engine.begin() as conn:
        have = set(
            conn.execute(select(org_staff.c.ident_hash).where(org_staff.c.org_id == org_id))
            .scalars()
            .all()
        )
        new = sorted(hashes - have)
        now = datetime.now(UTC)
        if new:
            conn.execute(
                org_staff.insert(),
                [{"org_id": org_id, "ident_hash": h, "added_at": now} for h in new],
            )
    return len(new)


def link_user(store: Store, org_id: str, user_id: int) -> None:
    org_name(store, org_id)
    with store.engine.begin() as conn:
        conn.execute(org_users.delete().where(org_users.c.user_id == user_id))
        conn.execute(org_users.insert().values(user_id=user_id, org_id=org_id))


def org_of_user(store: Store, user_id: int) -> str | None:
    with store.connect() as conn:
        found = conn.execute(select(org_users.c.org_id).where(org_users.c.user_id == user_id))
        value = found.scalar()
    return str(value) if value is not None else None


def _latest_risk(store: Store) -> dict[str, float]:
    with store.unit_of_work() as uow:
        scan = uow.scans.latest()
        if scan is None:
            return {}
        return {a.subject: a.risk for a in uow.scans.assessments(scan.id)}


def build_view(store: Store, org_id: str, review: float = 0.5) -> OrgView:
    org_name(store, org_id)
    secret = load_secret(store.settings.data_dir)
    with store.connect() as conn:
        enrolled = set(
            conn.execute(select(org_staff.c.ident_hash).where(org_staff.c.org_id == org_id))
            .scalars()
            .all()
        )
    kinds = ("account", "organisation", "invitation", "message", "report", "label")
    snapshot = store.snapshot(kinds)
    return org_view(
        snapshot, lambda a: ident_hash(secret, a) in enrolled, _latest_risk(store), review
    )
