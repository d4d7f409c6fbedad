"""The seam between campaign storage and the exchange: ``CampaignSource``.

``StoreCampaigns`` reads what the store holds today: a campaign's personas are the accounts
labelled fake with that campaign id, plus the subjects of cases of that campaign closed as
removed; its indicators are our own indicators carrying the campaign id, plus what each persona
teaches (name, photo, sign-up domain, unverified employer). When a campaigns table lands, a
``CampaignSource`` over it replaces this class; the formats and the TAXII server do not change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Protocol

from unmask.intel.campaign import CampaignExport
from unmask.intel.indicators import OWN_SOURCE, is_own, persona_indicators
from unmask.intel.repo import added_at, records_where
from unmask.model.enums import LabelValue
from unmask.model.records import Account, Indicator, Label, Organisation
from unmask.model.review import Filters
from unmask.store import Store


class CampaignSource(Protocol):
    def campaign_ids(self) -> list[str]: ...

    def load(self, campaign_id: str) -> CampaignExport | None: ...


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


class StoreCampaigns:
    def __init__(self, store: Store) -> None:
        self.store = store

    def campaign_ids(self) -> list[str]:
        with self.store.unit_of_work() as uow:
            fakes = uow.records.matching("label", "label", [LabelValue.FAKE.value])
            found = {r.campaign for r in fakes if isinstance(r, Label) and r.campaign}
            closed, _ = uow.cases.search(Filters(status="closed", limit=10**9))
        found |= {c.campaign for c in closed if c.campaign and c.outcome == "removed"}
        return sorted(found)

    def _members(self, campaign_id: str) -> tuple[set[str], list[Label]]:
        labels = [
            r
            for r in records_where(self.store, "label", "campaign", [campaign_id])
            if isinstance(r, Label) and r.label is LabelValue.FAKE
        ]
        members = {lab.account_id for lab in labels}
        with self.store.unit_of_work() as uow:
            removed = [c for c in uow.cases.of_campaign(campaign_id) if c.outcome == "removed"]
        return members | {c.subject for c in removed}, labels

    def _activity(self, members: list[str]) -> tuple[bool, bool]:
        """(sent invitations or messages, viewed or invited others): which techniques apply."""
        some = members[:900]
        with self.store.unit_of_work() as uow:
            messaged = bool(uow.records.matching("message", "sender", some))
            invited = bool(uow.records.matching("invitation", "sender", some))
            viewed = bool(uow.records.matching("profile_view", "viewer", some))
        return messaged or invited, viewed or invited

    def load(self, campaign_id: str) -> CampaignExport | None:
        members, labels = self._members(campaign_id)
        own = [
            i
            for i in records_where(self.store, "indicator", "campaign", [campaign_id])
            if isinstance(i, Indicator) and is_own(i)
        ]
        if not members and not own:
            return None
        ids = sorted(members)
        accounts = records_where(self.store, "account", "key", ids)
        personas = [a for a in accounts if isinstance(a, Account)]
        stamps = list(added_at(self.store, "label", [lab.key() for lab in labels]).values())
        stamps += list(added_at(self.store, "indicator", [i.id for i in own]).values())
        created = max(stamps) if stamps else datetime.now(UTC)
        derived = persona_intel(self.store, personas, campaign_id, created)
        messaged, scouted = self._activity(ids) if ids else (False, False)
        techniques = ("T1585.001",) + (("T1566.003",) if messaged else ())
        techniques += ("T1593.001",) if scouted else ()
        return CampaignExport.build(
            campaign_id,
            personas,
            own + derived,
            _utc(created),
            first_seen=min((_utc(a.created_at) for a in personas), default=None),
            last_seen=max((_utc(lab.at) for lab in labels), default=None),
            description=f"{len(personas)} persona account(s) confirmed fake by unmask reviewers",
            techniques=techniques,
        )


def persona_intel(
    store: Store, personas: Sequence[Account], campaign_id: str | None, at: datetime
) -> list[Indicator]:
    """What confirmed fake personas teach (their employers looked up: a verified employer is
    never published)."""
    org_ids = sorted({p.organisation_id or "" for a in personas for p in a.positions[:1]})
    orgs = {
        o.key(): o
        for o in records_where(store, "organisation", "key", org_ids)
        if isinstance(o, Organisation)
    }
    out: list[Indicator] = []
    for account in personas:
        first = account.positions[0] if account.positions else None
        employer = orgs.get(first.organisation_id or "") if first else None
        out += persona_indicators(
            account, employer, source=OWN_SOURCE, created_at=at, campaign=campaign_id
        )
    return out
