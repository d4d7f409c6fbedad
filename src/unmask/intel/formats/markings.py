"""TLP markings in STIX: the TLP 1.0 definitions built into STIX 2.x and the TLP 2.0 ones
published by OASIS. Export uses TLP 2.0; import understands both (and TLP objects in the bundle)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from unmask.model.enums import Tlp

TLP2: dict[Tlp, str] = {
    Tlp.CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    Tlp.GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    Tlp.AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    Tlp.AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    Tlp.RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
TLP1: dict[str, Tlp] = {
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": Tlp.CLEAR,  # white
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": Tlp.GREEN,
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": Tlp.AMBER,
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": Tlp.RED,
}
KNOWN: dict[str, Tlp] = TLP1 | {v: k for k, v in TLP2.items()}
_NAMES = {"white": Tlp.CLEAR, "clear": Tlp.CLEAR} | {t.value: t for t in Tlp}
_ORDER = [Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED]


def tlp_from_name(name: str) -> Tlp | None:
    return _NAMES.get(name.strip().casefold().removeprefix("tlp:"))


def bundle_markings(objects: Iterable[Mapping[str, Any]]) -> dict[str, Tlp]:
    """TLP marking-definition objects carried in the bundle itself (STIX 2.0 style)."""
    out: dict[str, Tlp] = {}
    for obj in objects:
        if obj.get("type") != "marking-definition":
            continue
        definition = obj.get("definition")
        name = definition.get("tlp") if isinstance(definition, Mapping) else None
        tlp = tlp_from_name(str(obj.get("name") or name or ""))
        if tlp is not None and isinstance(obj.get("id"), str):
            out[obj["id"]] = tlp
    return out


def tlp_of(obj: Mapping[str, Any], local: Mapping[str, Tlp], default: Tlp) -> Tlp:
    """The most restrictive TLP among the object's markings (``default`` when unmarked)."""
    refs = obj.get("object_marking_refs") or []
    found = [KNOWN.get(r) or local.get(r) for r in refs if isinstance(r, str)]
    marks = [t for t in found if t is not None]
    return max(marks, key=_ORDER.index) if marks else default
