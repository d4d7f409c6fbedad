"""What our TAXII server publishes, as (date added, STIX object) pairs per collection.

``campaigns``: every campaign the store knows (see ``campaign_store``) as its STIX 2.1 objects,
added when the campaign last changed. ``indicators``: our own shareable, unexpired indicators and
what each confirmed fake persona teaches, added when stored. Partners' intelligence is never
re-published, and TLP:RED never leaves (both enforced here and again in the formats).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from unmask.intel.campaign_store import CampaignSource, StoreCampaigns, persona_intel
from unmask.intel.formats.stix_out import campaign_objects, indicator_object, producer
from unmask.intel.indicators import is_active, is_own, shareable
from unmask.intel.repo import added_at, records_where
from unmask.model.enums import LabelValue
from unmask.model.records import Account, Indicator, Label
from unmask.store import Store


@dataclass(frozen=True)
class Collection:
    id: str
    title: str
    description: str


COLLECTIONS: dict[str, Collection] = {
    c.id: c
    for c in (
        Collection(
            "3f0e7d4c-5b0a-4c8e-9a51-6d2f1e0b7a10",
            "unmask campaigns",
            "Campaigns of fake personas confirmed by unmask reviewers: personas, indicators, "
            "ATT&CK techniques.",
        ),
        Collection(
            "8b4f2a91-1c3d-4e5f-8a6b-7c9d0e1f2a3b",
            "unmask indicators",
            "Indicators from confirmed fake personas and unmask's own published intelligence.",
        ),
    )
}
CAMPAIGNS, INDICATORS = list(COLLECTIONS)


def _plain(obj: Any) -> dict[str, Any]:
    return dict(orjson.loads(obj.serialize()))


def _campaigns(source: CampaignSource) -> list[tuple[datetime, dict[str, Any]]]:
    out: dict[str, tuple[datetime, dict[str, Any]]] = {}
    for cid in source.campaign_ids():
        view = source.load(cid)
        if view is None or not shareable(view.tlp):
            continue
        for obj in campaign_objects(view):
            old = out.get(obj.id)
            if old is None or old[0] < view.created:
                out[obj.id] = (view.created, _plain(obj))
    return list(out.values())


def _indicators(store: Store, now: datetime) -> list[tuple[datetime, dict[str, Any]]]:
    own = [
        i
        for i in store.iter_records("indicator")
        if isinstance(i, Indicator) and is_own(i) and shareable(i.tlp) and is_active(i, now)
    ]
    stamps = added_at(store, "indicator", [i.id for i in own])
    labels = [
        lab
        for lab in store.iter_records("label")
        if isinstance(lab, Label) and lab.label is LabelValue.FAKE
    ]
    label_at = added_at(store, "label", [lab.key() for lab in labels])
    accounts = {
        a.id: a
        for a in records_where(store, "account", "key", sorted({lab.account_id for lab in labels}))
        if isinstance(a, Account)
    }
    pairs: list[tuple[datetime, Indicator]] = [(stamps.get(i.id, now), i) for i in own]
    for lab in labels:
        account = accounts.get(lab.account_id)
        if account is not None:
            at = label_at.get(lab.key(), now)
            pairs += [(at, i) for i in persona_intel(store, [account], lab.campaign, at)]
    me = producer()
    out: dict[str, tuple[datetime, dict[str, Any]]] = {
        me.id: (datetime(2026, 1, 1, tzinfo=UTC), _plain(me))
    }
    for at, ind in pairs:
        obj = indicator_object(ind, me.id)
        old = out.get(obj.id)
        if old is None or old[0] > at:
            out[obj.id] = (at, _plain(obj))
    return list(out.values())


def published(
    store: Store, collection_id: str, source: CampaignSource | None = None
) -> list[tuple[datetime, dict[str, Any]]]:
    """The collection's objects, oldest first (ties by id)."""
    now = datetime.now(UTC)
    if collection_id == CAMPAIGNS:
        items = _campaigns(source or StoreCampaigns(store))
    elif collection_id == INDICATORS:
        items = _indicators(store, now)
    else:
        raise KeyError(collection_id)
    return sorted(items, key=lambda p: (p[0], p[1]["id"]))
