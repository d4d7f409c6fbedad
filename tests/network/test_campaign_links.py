from __future__ import annotations

from typing import Any

from unmask.engine.campaign_links import links, photo_links, signatures


def _flip(hexhash: str, bits: int) -> str:
    return f"{int(hexhash, 16) ^ ((1 << bits) - 1):064x}"


def test_photos_within_the_distance_link_and_others_do_not() -> None:
    base = "a5" * 32
    found = photo_links({"a": base, "b": _flip(base, 20), "c": _flip(base, 60), "d": ""})
    assert found == {("a", "b", "photo")}


def test_template_signature_ignores_the_slot_fillers() -> None:
    notes = [
        {
            "id": "x",
            "note": f"Hi {name}, your career at {org} is remarkable. I have a well-paid role.",
        }
        for name, org in (("Ann", "Acme"), ("Bob", "Initech"), ("Cy", "Globex"))
    ]
    sig = signatures(notes)["x"]
    assert "is remarkable i" in sig and "hi ann your" not in sig


def test_links_of_every_kind() -> None:
    profile: list[dict[str, Any]] = [
        {"id": "a", "pdq": "0f" * 32, "about": "", "cluster": "1.2.3#0#9"},
        {"id": "b", "pdq": None, "about": "", "cluster": "1.2.3#0#9"},
        {"id": "c", "pdq": None, "about": "", "cluster": None},
        {"id": "d", "pdq": None, "about": "", "cluster": None},
    ]
    targets = [{"id": s, "recipient": f"t{k}"} for s in ("c", "d") for k in range(5)]
    endorsements = [{"endorser": "a", "endorsee": "d"}]
    kinds = {(a, b, k) for a, b, k in links(profile, [], targets, endorsements)}
    assert kinds == {
        ("a", "b", "registration"),
        ("c", "d", "co_targeting"),
        ("a", "d", "endorsement"),
    }
