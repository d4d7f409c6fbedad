"""MISP events in and out, through PyMISP's ``MISPEvent`` and ``MISPObject``.

In: every attribute (loose or inside an object) is one object of the report. Its kind comes from
an ``unmask:kind="..."`` tag when present (our own exports), else from its MISP type, or from the
object relation of ``person`` (full-name, alias, first/last name) and ``organization`` (name)
objects. TLP from ``tlp:*`` tags (attribute over event), confidence from ``unmask:confidence``.
Out: a campaign as one event, personas as ``person`` objects, indicators as tagged attributes,
ATT&CK techniques as galaxy tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import orjson

from unmask.intel.campaign import TECHNIQUES, CampaignExport
from unmask.intel.formats.markings import tlp_from_name
from unmask.intel.formats.result import Outcome, ParseResult, Status
from unmask.intel.indicators import dedupe, make_indicator, shareable
from unmask.model.enums import IndicatorKind as K
from unmask.model.enums import Tlp

TYPE_KIND: dict[str, K] = {
    "email": K.EMAIL,
    "email-src": K.EMAIL,
    "email-dst": K.EMAIL,
    "email-reply-to": K.EMAIL,
    "whois-registrant-email": K.EMAIL,
    "domain": K.DOMAIN,
    "hostname": K.DOMAIN,
    "url": K.URL,
    "link": K.URL,
    "ip-src": K.IP_RANGE,
    "ip-dst": K.IP_RANGE,
    "phone-number": K.PHONE,
    "whois-registrant-phone": K.PHONE,
    "full-name": K.PERSONA_NAME,
    "whois-registrant-org": K.COMPANY,
}
RELATION_KIND: dict[tuple[str, str], K] = {
    ("person", "full-name"): K.PERSONA_NAME,
    ("person", "alias"): K.PERSONA_NAME,
    ("organization", "name"): K.COMPANY,
    ("organization", "alias"): K.COMPANY,
}
KIND_TYPE: dict[K, str] = {
    K.EMAIL: "email-src",
    K.DOMAIN: "domain",
    K.URL: "url",
    K.IP_RANGE: "ip-src",
    K.PHONE: "phone-number",
    K.PERSONA_NAME: "full-name",
    K.COMPANY: "text",
    K.PHOTO_PDQ: "text",
    K.PHRASE: "text",
}
_TAG = re.compile(r'^unmask:(\w+)="(.*)"$')


def _tags(tags: Iterable[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag in tags:
        name = str(getattr(tag, "name", ""))
        m = _TAG.match(name)
        if m:
            out[m.group(1)] = m.group(2)
        elif tlp_from_name(name) is not None and name.casefold().startswith("tlp:"):
            out["tlp"] = name
    return out


def _events(doc: Any) -> list[Any]:
    if isinstance(doc, dict) and "response" in doc:
        doc = doc["response"]
    return doc if isinstance(doc, list) else [doc]


def parse_misp(data: bytes | str, *, name: str, source: str, now: datetime) -> ParseResult:
    from pymisp import MISPEvent

    result = ParseResult()
    try:
        docs = _events(orjson.loads(data))
    except ValueError as exc:
        result.add(Outcome(name, "file", None, Status.REJECTED, f"not readable JSON: {exc}"))
        return result
    for n, doc in enumerate(docs):
        event = MISPEvent()
        try:
            event.load(doc)
        except Exception as exc:  # PyMISP raises several types for malformed events
            msg = f"not a MISP event: {exc.__class__.__name__}: {exc}"
            result.add(Outcome(f"{name} event[{n}]", "event", None, Status.REJECTED, msg))
            continue
        result.extend(_event(event, f"{name} event[{n}]", source, now))
    return result


def _event(event: Any, where: str, default_source: str, now: datetime) -> ParseResult:
    result = ParseResult()
    etags = _tags(event.tags)
    org = getattr(getattr(event, "Orgc", None), "name", None)
    source = f"misp:{org}" if org else default_source
    campaign = etags.get("campaign") or (str(event.uuid) if getattr(event, "uuid", None) else None)
    items = [(a, None) for a in event.attributes] + [
        (a, o.name) for o in event.objects for a in o.attributes
    ]
    made = []
    for n, (attr, obj_name) in enumerate(items):
        here = f"{where} attribute[{n}]"
        typ = (
            f"{obj_name}/{getattr(attr, 'object_relation', '')}"
            if obj_name
            else str(getattr(attr, "type", ""))
        )
        atags = _tags(attr.tags)
        if getattr(attr, "deleted", False):
            result.add(
                Outcome(here, typ, getattr(attr, "uuid", None), Status.SKIPPED, "deleted in MISP")
            )
            continue
        kind_name = atags.get("kind", "")
        kind = (
            K(kind_name)
            if kind_name in {k.value for k in K}
            else RELATION_KIND.get((obj_name or "", str(getattr(attr, "object_relation", ""))))
            or TYPE_KIND.get(str(getattr(attr, "type", "")))
        )
        if kind is None:
            msg = f"no indicator kind for MISP {typ!r}"
            result.add(Outcome(here, typ, getattr(attr, "uuid", None), Status.SKIPPED, msg))
            continue
        tlp = tlp_from_name(atags.get("tlp") or etags.get("tlp") or "amber") or Tlp.AMBER
        try:
            conf = float(atags.get("confidence", "0.5"))
            ind = make_indicator(
                kind,
                str(getattr(attr, "value", "")),
                source,
                _when(attr, event, now),
                confidence=conf,
                tlp=tlp,
                description=(
                    str(getattr(attr, "comment", "") or "") or str(getattr(event, "info", "") or "")
                )[:500],
                campaign=campaign,
            )
        except ValueError as exc:
            result.add(
                Outcome(
                    here, typ, getattr(attr, "uuid", None), Status.REJECTED, str(exc).split("\n")[0]
                )
            )
            continue
        made.append(ind)
        result.add(Outcome(here, typ, getattr(attr, "uuid", None), Status.IMPORTED, "", 1))
    result.indicators.extend(dedupe(made))
    return result


def _when(attr: Any, event: Any, now: datetime) -> datetime:
    for value in (getattr(attr, "timestamp", None), getattr(event, "date", None)):
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=UTC)
    return now


def campaign_event(view: CampaignExport) -> bytes:
    """A campaign as a MISP event (JSON); TLP:RED never leaves."""
    from pymisp import MISPEvent, MISPObject

    if not shareable(view.tlp):
        raise ValueError(f"campaign {view.id} is TLP:RED: it is never exported")
    event = MISPEvent()
    event.info = f"unmask campaign {view.id}: {view.name}"
    event.date = view.created.date()
    event.add_tag(f"tlp:{view.tlp.value}")
    event.add_tag(f'unmask:campaign="{view.id}"')
    for tid in view.techniques:
        event.add_tag(f'misp-galaxy:mitre-attack-pattern="{TECHNIQUES.get(tid, tid)} - {tid}"')
    for account in view.personas:
        person = MISPObject("person")
        person.add_attribute("full-name", value=account.name)
        person.comment = f"persona account {account.id}"
        event.add_object(person)
    for ind in view.indicators:
        if not shareable(ind.tlp):
            continue
        attr = event.add_attribute(
            KIND_TYPE[ind.kind], ind.value, comment=ind.description[:500] or None
        )
        assert not isinstance(attr, list)
        attr.add_tag(f'unmask:kind="{ind.kind.value}"')
        attr.add_tag(f'unmask:confidence="{ind.confidence:.2f}"')
        attr.add_tag(f"tlp:{ind.tlp.value}")
    doc = {"Event": orjson.loads(event.to_json())}
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2)
