"""STIX 2.0 and 2.1 in: bundles (or TAXII envelopes) to indicators, object by object.

Each object is checked with the ``stix2`` library for its own spec version (objects without
``spec_version`` are 2.0, as the 2.1 specification says). Indicators come from ``indicator``
patterns (see ``patterns``), persona ``identity`` objects (class individual) and ``user-account``
observables; campaigns, intrusion sets, relationships and the rest are kept as context and used
to attribute indicators to a campaign (``indicates``/``related-to``/``attributed-to``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import orjson

from unmask.intel.formats.markings import bundle_markings, tlp_of
from unmask.intel.formats.patterns import read_pattern
from unmask.intel.formats.result import Outcome, ParseResult, Status
from unmask.intel.indicators import dedupe, make_indicator
from unmask.model.enums import IndicatorKind as K
from unmask.model.enums import Tlp
from unmask.model.records import Indicator

VERSIONS = ("2.0", "2.1")
GROUPS = frozenset({"campaign", "intrusion-set", "threat-actor"})
_LINKS = frozenset({"indicates", "related-to", "attributed-to", "uses"})


def load_objects(data: bytes | str | Mapping[str, Any]) -> tuple[list[Any], str | None]:
    """The objects of a bundle, envelope or single object, and the bundle's spec_version."""
    doc = orjson.loads(data) if isinstance(data, bytes | str) else data
    if not isinstance(doc, Mapping):
        raise ValueError("not a STIX bundle: the top level is not a JSON object")
    if doc.get("type") == "bundle" or ("objects" in doc and "type" not in doc):
        objects = doc.get("objects")
        if objects is None:
            return [], doc.get("spec_version")
        if not isinstance(objects, list):
            raise ValueError("'objects' is not a list")
        return objects, doc.get("spec_version")
    if "type" in doc:
        return [doc], None
    raise ValueError("not a STIX bundle: no 'type' and no 'objects'")


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _check(obj: Mapping[str, Any], version: str) -> str | None:
    """None when ``stix2`` accepts the object, else the error."""
    import stix2
    from stix2.registry import STIX2_OBJ_MAPS

    maps = STIX2_OBJ_MAPS[version]
    known = set(maps["objects"]) | (set(maps["observables"]) if version == "2.1" else set())
    typ = obj["type"]
    if typ not in known:
        if typ.startswith("x-"):
            return f"custom object type {typ!r} is not understood"
        return f"unknown STIX {version} object type {typ!r}"
    try:
        stix2.parse(dict(obj), allow_custom=True, version=version)
    except Exception as exc:  # stix2 raises many exception types, all meaning "invalid"
        return f"{exc.__class__.__name__}: {exc}"
    return None


class _Context:
    def __init__(self, objects: list[Any], known: Mapping[str, Mapping[str, Any]]) -> None:
        dicts = [o for o in objects if isinstance(o, Mapping) and isinstance(o.get("id"), str)]
        self.by_id: dict[str, Mapping[str, Any]] = dict(known) | {o["id"]: o for o in dicts}
        self.markings = bundle_markings(dicts)
        self.creators = {o.get("created_by_ref") for o in dicts}

    def source(self, obj: Mapping[str, Any], default: str) -> str:
        creator = self.by_id.get(str(obj.get("created_by_ref")))
        name = creator.get("name") if creator else None
        return f"stix:{name}" if isinstance(name, str) and name else default

    def group_name(self, ref: str) -> str | None:
        target = self.by_id.get(ref)
        if target is None or target.get("type") not in GROUPS:
            return None
        name = target.get("name")
        return str(name) if name else ref


def _values(obj: Mapping[str, Any], ctx: _Context) -> tuple[list[tuple[K, str]], str]:
    """The (kind, value) pairs an object yields, or an empty list and why not."""
    typ = obj["type"]
    if typ == "indicator":
        ptype = obj.get("pattern_type", "stix")
        if ptype != "stix":
            return [], f"pattern_type {ptype!r} is not matched (only 'stix')"
        usable, unusable = read_pattern(str(obj.get("pattern", "")))
        return usable, "; ".join(unusable)
    if typ == "identity" and obj.get("identity_class") == "individual":
        if obj["id"] in ctx.creators:
            return [], "the identity that produced the intelligence, not a persona"
        return [(K.PERSONA_NAME, str(obj.get("name", "")))], ""
    if typ == "user-account":
        name = obj.get("display_name")
        return ([(K.PERSONA_NAME, str(name))], "") if name else ([], "no display_name")
    return [], ""


def parse_stix(
    data: bytes | str | Mapping[str, Any],
    *,
    name: str,
    source: str,
    now: datetime,
    known: Mapping[str, Mapping[str, Any]] | None = None,
    default_tlp: Tlp = Tlp.AMBER,
) -> ParseResult:
    result = ParseResult()
    try:
        objects, bundle_version = load_objects(data)
    except ValueError as exc:  # orjson.JSONDecodeError is a ValueError
        result.add(Outcome(name, "file", None, Status.REJECTED, f"not readable STIX: {exc}"))
        return result
    ctx = _Context(objects, known or {})
    made: dict[str, list[Indicator]] = {}
    for n, obj in enumerate(objects):
        where = f"{name} objects[{n}]"
        if not isinstance(obj, Mapping) or not isinstance(obj.get("type"), str):
            result.add(Outcome(where, "unknown", None, Status.REJECTED, "an object needs a type"))
            continue
        typ, oid = obj["type"], obj.get("id") if isinstance(obj.get("id"), str) else None
        version = str(obj.get("spec_version") or bundle_version or "2.0")
        if version not in VERSIONS:
            msg = f"spec_version {version!r} is not supported (2.0 and 2.1 are)"
            result.add(Outcome(where, typ, oid, Status.REJECTED, msg))
            continue
        error = _check(obj, version)
        if error is not None:
            status = Status.SKIPPED if typ.startswith("x-") else Status.REJECTED
            result.add(Outcome(where, typ, oid, status, error))
            continue
        if obj.get("revoked"):
            result.add(Outcome(where, typ, oid, Status.SKIPPED, "revoked by its producer"))
            continue
        pairs, why = _values(obj, ctx)
        if not pairs:
            if typ in ("indicator", "user-account"):
                result.add(Outcome(where, typ, oid, Status.SKIPPED, why))
            else:
                msg = why or "kept as context"
                result.add(Outcome(where, typ, oid, Status.CONTEXT, msg))
                result.context.append(dict(obj))
            continue
        inds, errors = _indicators(obj, pairs, ctx, source, now, default_tlp)
        if inds and oid:
            made[oid] = inds
        status = Status.IMPORTED if inds else Status.REJECTED
        msg = "; ".join(errors + ([why] if why else []))
        result.add(Outcome(where, typ, oid, status, msg, len(inds)))
    result.indicators.extend(dedupe(_attributed(made, objects, ctx)))
    return result


def _indicators(
    obj: Mapping[str, Any],
    pairs: list[tuple[K, str]],
    ctx: _Context,
    default_source: str,
    now: datetime,
    default_tlp: Tlp,
) -> tuple[list[Indicator], list[str]]:
    conf = obj.get("confidence")
    confidence = min(1.0, max(0.0, conf / 100)) if isinstance(conf, int | float) else 0.5
    text = str(obj.get("name") or obj.get("description") or "")[:500]
    out: list[Indicator] = []
    errors: list[str] = []
    for kind, value in pairs:
        try:
            out.append(
                make_indicator(
                    kind,
                    value,
                    ctx.source(obj, default_source),
                    _time(obj.get("created")) or now,
                    confidence=confidence,
                    tlp=tlp_of(obj, ctx.markings, default_tlp),
                    expires_at=_time(obj.get("valid_until")),
                    description=text,
                )
            )
        except ValueError as exc:
            errors.append(f"{kind.value} {value[:60]!r}: {exc}")
    return out, errors


def _attributed(
    made: dict[str, list[Indicator]], objects: list[Any], ctx: _Context
) -> list[Indicator]:
    """Indicators with the campaign (or intrusion set, threat actor) they are linked to."""
    campaign: dict[str, str] = {}
    for obj in objects:
        if not isinstance(obj, Mapping) or obj.get("type") != "relationship":
            continue
        if obj.get("relationship_type") not in _LINKS:
            continue
        src, dst = str(obj.get("source_ref")), str(obj.get("target_ref"))
        for ours, other in ((src, dst), (dst, src)):
            group = ctx.group_name(other)
            if ours in made and group and ours not in campaign:
                campaign[ours] = group
    out: list[Indicator] = []
    for oid, inds in made.items():
        group = campaign.get(oid)
        out.extend(i.model_copy(update={"campaign": group}) if group else i for i in inds)
    return out
