"""Photo provenance inside a campaign: who had a shared photo first.

Campaign members linked by a shared photo (``photo`` pairs of the campaign-link step: the same
PDQ hash within its distance) are grouped; the earliest holder by account creation is the
likely owner of the photo when it joined at least ``lead`` before the next holder. Such an
account is a *possible victim*: its photo was most likely taken from it. It is shown as such and
left out of whole-campaign actions (a reviewer can still decide its own case). Personas made
from one stolen photo within days of each other have no owner among them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from unmask.cases.campaigns import cluster
from unmask.model.records import Account
from unmask.model.scans import ScanCampaign
from unmask.store.interface import UnitOfWork
from unmask.store.queries import records_in


@dataclass(frozen=True)
class PhotoOwner:
    account: str
    joined: datetime
    later_holders: tuple[str, ...]  # campaign members who show the same photo later
    lead_days: int  # how long before the next holder the owner joined


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def photo_owners(
    pairs: Iterable[tuple[str, str, str]], joined: Mapping[str, datetime], lead: timedelta
) -> dict[str, PhotoOwner]:
    """Possible victims by account id, from a campaign's link pairs and its members' join dates."""
    photo = [(a, b) for a, b, kind in pairs if kind == "photo" and a in joined and b in joined]
    holders = {x for p in photo for x in p}
    out: dict[str, PhotoOwner] = {}
    for group in cluster(holders, photo).values():
        ranked = sorted(group, key=lambda m: (_utc(joined[m]), m))
        first, second = ranked[0], ranked[1]
        gap = _utc(joined[second]) - _utc(joined[first])
        if gap >= lead:
            out[first] = PhotoOwner(
                first, _utc(joined[first]), tuple(ranked[1:]), int(gap.total_seconds() // 86400)
            )
    return out


def latest_campaign(uow: UnitOfWork, key: str) -> ScanCampaign | None:
    """The campaign ``key`` as the latest finished scan stored it."""
    scan = uow.scans.latest()
    if scan is None:
        return None
    return next((c for c in uow.scans.campaigns(scan.id) if c.key == key), None)


def campaign_victims(
    uow: UnitOfWork, campaign: ScanCampaign, lead_days: int
) -> dict[str, PhotoOwner]:
    joined = {a.id: a.created_at for a in records_in(uow.records, Account, "id", campaign.members)}
    return photo_owners(campaign.pairs, joined, timedelta(days=lead_days))


def victims_of(uow: UnitOfWork, key: str | None, lead_days: int) -> set[str]:
    """Possible victims in campaign ``key`` of the latest scan (empty when unknown)."""
    found = latest_campaign(uow, key) if key else None
    return set(campaign_victims(uow, found, lead_days)) if found is not None else set()
