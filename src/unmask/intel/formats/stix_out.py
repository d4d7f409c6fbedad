"""STIX 2.1 out: a campaign as a bundle, built and validated with the ``stix2`` library.

The bundle holds our producer identity; the campaign; per persona an ``identity`` (class
individual) and a ``user-account``, each ``related-to`` the campaign; every shareable indicator
``indicates`` the campaign; ATT&CK ``attack-pattern`` references the campaign ``uses``. Ids are
UUIDv5 of stable keys, so exporting the same campaign twice gives the same ids and consumers can
de-duplicate. Every object carries the campaign's TLP 2.0 marking (indicators their own).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import orjson

from unmask.intel.campaign import TECHNIQUES, CampaignExport
from unmask.intel.formats.markings import TLP2
from unmask.intel.formats.patterns import pattern_for
from unmask.intel.indicators import shareable
from unmask.model.records import Account, Indicator

NAMESPACE = uuid.UUID("6f1c1c53-7d0e-4a53-9a1f-0b1e4c1d2a77")
PRODUCER_NAME = "unmask"


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}|{key}')}"


def producer() -> Any:
    import stix2

    return stix2.v21.Identity(
        id=stix_id("identity", PRODUCER_NAME),
        name=PRODUCER_NAME,
        identity_class="system",
        description="unmask: detection of fake professional-network personas",
        created="2026-01-01T00:00:00Z",
        modified="2026-01-01T00:00:00Z",
    )


def indicator_object(ind: Indicator, me: str) -> Any:
    import stix2

    return stix2.v21.Indicator(
        id=stix_id("indicator", ind.id),
        created_by_ref=me,
        created=ind.created_at,
        modified=ind.created_at,
        name=f"{ind.kind.value}: {ind.value[:120]}",
        description=ind.description or None,
        indicator_types=["attribution"],
        pattern=pattern_for(ind.kind, ind.value),
        pattern_type="stix",
        valid_from=ind.created_at,
        valid_until=ind.expires_at if ind.expires_at and ind.expires_at > ind.created_at else None,
        confidence=round(ind.confidence * 100),
        object_marking_refs=[TLP2[ind.tlp]],
        labels=[f"unmask-kind:{ind.kind.value}"],
        allow_custom=True,
    )


def persona_objects(account: Account, me: str, marking: str, created: datetime) -> list[Any]:
    import stix2

    person = stix2.v21.Identity(
        id=stix_id("identity", f"persona|{account.id}"),
        created_by_ref=me,
        created=created,
        modified=created,
        name=account.name,
        identity_class="individual",
        description=account.headline or None,
        object_marking_refs=[marking],
    )
    login = stix2.v21.UserAccount(
        account_login=account.id,
        display_name=account.name,
        account_created=account.created_at,
        object_marking_refs=[marking],
    )
    return [person, login]


def _rel(kind: str, src: str, dst: str, me: str, marking: str, created: datetime) -> Any:
    import stix2

    return stix2.v21.Relationship(
        id=stix_id("relationship", f"{kind}|{src}|{dst}"),
        relationship_type=kind,
        source_ref=src,
        target_ref=dst,
        created_by_ref=me,
        created=created,
        modified=created,
        object_marking_refs=[marking],
    )


def campaign_objects(view: CampaignExport) -> list[Any]:
    """The STIX objects of a campaign (TLP:RED refused: it never leaves)."""
    import stix2

    if not shareable(view.tlp):
        raise ValueError(f"campaign {view.id} is TLP:RED: it is never exported")
    me = producer()
    mark = TLP2[view.tlp]
    at = view.created
    camp = stix2.v21.Campaign(
        id=stix_id("campaign", view.id),
        created_by_ref=me.id,
        created=at,
        modified=at,
        name=view.name,
        description=view.description or None,
        aliases=[view.id] if view.name != view.id else None,
        first_seen=view.first_seen,
        last_seen=view.last_seen,
        object_marking_refs=[mark],
        external_references=[{"source_name": "unmask", "external_id": view.id}],
    )
    objects: list[Any] = [me, camp]
    for account in view.personas:
        person, login = persona_objects(account, me.id, mark, at)
        objects += [person, login]
        objects.append(_rel("related-to", person.id, camp.id, me.id, mark, at))
        objects.append(_rel("related-to", login.id, camp.id, me.id, mark, at))
    for ind in view.indicators:
        if not shareable(ind.tlp):
            continue
        obj = indicator_object(ind, me.id)
        objects += [obj, _rel("indicates", obj.id, camp.id, me.id, mark, at)]
    for tid in view.techniques:
        technique = stix2.v21.AttackPattern(
            id=stix_id("attack-pattern", tid),
            created_by_ref=me.id,
            created=at,
            modified=at,
            name=TECHNIQUES.get(tid, tid),
            external_references=[
                {
                    "source_name": "mitre-attack",
                    "external_id": tid,
                    "url": f"https://attack.mitre.org/techniques/{tid.replace('.', '/')}/",
                }
            ],
        )
        objects += [technique, _rel("uses", camp.id, technique.id, me.id, mark, at)]
    return objects


def campaign_bundle(view: CampaignExport) -> bytes:
    import stix2

    objects = campaign_objects(view)
    bundle = stix2.v21.Bundle(
        id=stix_id("bundle", f"{view.id}|{view.created.isoformat()}"),
        objects=objects,
        allow_custom=True,
    )
    data = orjson.loads(bundle.serialize())
    return orjson.dumps(data, option=orjson.OPT_INDENT_2)
