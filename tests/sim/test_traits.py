"""The planted campaigns carry the TRADECRAFT traits; the benign look-alikes are there too;
the graph is clustered and heavy-tailed."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import datetime
from itertools import pairwise
from typing import Any

from unmask.model.enums import SENSITIVE_SECTORS

ARCHETYPES = {
    "headhunter",
    "think_tank",
    "consultancy",
    "recruiter_ring",
    "dream_job",
    "photographer",
}


def _hamming(a: str, b: str) -> int:
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _accounts(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in data["accounts"]}


def test_every_archetype_is_planted(data: dict[str, Any]) -> None:
    assert {c["archetype"] for c in data["campaigns"]} == ARCHETYPES
    labels = {r["account_id"]: r for r in data["labels"]}
    for camp in data["campaigns"]:
        for p in camp["personas"] + camp["supporters"]:
            assert labels[p]["label"] == "fake" and labels[p]["campaign"] == camp["id"]


def test_personas_reuse_photos_re_encoded(data: dict[str, Any]) -> None:
    accounts = _accounts(data)
    reused = 0
    for camp in data["campaigns"]:
        photos = [
            accounts[p]["photo"]
            for p in camp["personas"] + camp["supporters"]
            if "photo" in accounts[p]
        ]
        bases = camp["shared"]["photo_pdq"]
        for photo in photos:
            assert min(_hamming(photo["pdq"], b) for b in bases) <= 8
        assert len({p["sha256"] for p in photos}) == len(photos)  # re-encoded: new files
        reused += len(photos) > 1
        if camp["shared"]["photo_victim"]:  # stolen from a genuine member
            victim = accounts[camp["shared"]["photo_victim"]]["photo"]["pdq"]
            assert all(_hamming(p["pdq"], victim) <= 16 for p in photos)
    assert reused >= 3


def test_many_targets_in_one_organisation_get_one_templated_note(data: dict[str, Any]) -> None:
    accounts = _accounts(data)
    employer = {
        a["id"]: a["positions"][0].get("organisation_id")
        for a in data["accounts"]
        if a["positions"]
    }
    for camp in data["campaigns"]:
        pattern = re.compile(
            re.sub(r"\\\{[a-z]+\\\}", ".+?", re.escape(camp["shared"]["note_template"])) + "$"
        )
        personas = set(camp["personas"])
        notes = [
            i
            for i in data["invitations"]
            if i["sender"] in personas and i["note"] and i["recipient"] in set(camp["targets"])
        ]
        assert notes, camp["id"]
        assert all(pattern.match(i["note"]) for i in notes)
        per_org = Counter(employer.get(i["recipient"]) for i in notes)
        assert per_org.most_common(1)[0][1] >= 2, camp["id"]
    # Wording differs between campaigns.
    assert len({c["shared"]["note_template"] for c in data["campaigns"]}) >= 4
    assert accounts


def test_targets_are_in_sensitive_sectors(data: dict[str, Any]) -> None:
    sector = {o["id"]: o["sector"] for o in data["organisations"]}
    home = {
        a["id"]: sector.get(a["positions"][0].get("organisation_id", ""), "other")
        for a in data["accounts"]
        if a["positions"]
    }
    sensitive = {s.value for s in SENSITIVE_SECTORS} | {"think_tank"}
    targets = [t for c in data["campaigns"] for t in c["targets"]]
    share = sum(home.get(t) in sensitive for t in targets) / len(targets)
    everyone = sum(s in sensitive for s in home.values()) / len(home)
    assert share > 0.9 > 0.6 > everyone


def test_supporters_endorse_their_leaders(data: dict[str, Any]) -> None:
    given: dict[str, set[str]] = defaultdict(set)
    for e in data["endorsements"]:
        given[e["endorsee"]].add(e["endorser"])
    rings = [c for c in data["campaigns"] if c["archetype"] == "recruiter_ring"]
    assert rings
    for ring in rings:
        for leader in ring["personas"]:
            assert given[leader] & set(ring["supporters"])


def test_registration_bursts_from_shared_infrastructure(data: dict[str, Any]) -> None:
    accounts = _accounts(data)
    bursts = 0
    for camp in data["campaigns"]:
        people = [accounts[p] for p in camp["personas"] + camp["supporters"]]
        if len(people) < 2 or camp["archetype"] == "photographer":
            continue
        groups: dict[tuple[str, str, str], list[datetime]] = defaultdict(list)
        for a in people:
            reg = a["registration"]
            subnet = reg["ip"].rsplit(".", 1)[0]
            groups[(subnet, reg["user_agent"], reg["email_domain"])].append(_t(a["created_at"]))
        assert len(groups) == 1, camp["id"]
        times = sorted(next(iter(groups.values())))
        close = sum((b - a).total_seconds() < 8 * 3600 for a, b in pairwise(times))
        bursts += close >= 1
    assert bursts >= 3


def test_approach_ladder_in_messages(data: dict[str, Any]) -> None:
    fake = {r["account_id"] for r in data["labels"] if r["label"] == "fake"}
    bodies = [m["body"] for m in data["messages"] if m["sender"] in fake]
    assert any("USD" in b for b in bodies)
    assert any(re.search(r"WhatsApp|Signal|Telegram|WeChat|e-mail", b) for b in bodies)
    assert any(re.search(r"travel|trip|Flights", b) for b in bodies)
    assert any(m["attachments"] for m in data["messages"] if m["sender"] in fake)
    reported = {r["reported"] for r in data["reports"]}
    assert reported & fake and reported - fake  # reliable reports and noise


def test_front_companies_are_new_thin_and_some_borrow_names(data: dict[str, Any]) -> None:
    orgs = {o["id"]: o for o in data["organisations"]}
    fronts = [orgs[f] for c in data["campaigns"] for f in c["front_companies"]]
    assert fronts and not any(f["verified"] for f in fronts)
    assert all(f["size"] <= 12 and f["created_at"] >= "2023" for f in fronts)
    borrowed = [
        (orgs[i]["name"], f["name"])
        for c in data["campaigns"]
        for f, i in zip(
            (orgs[x] for x in c["front_companies"]), c["imitated_organisations"], strict=False
        )
    ]
    assert any(real.split()[0][:4] == fake.split()[0][:4] for real, fake in borrowed)


def test_degree_distribution_is_heavy_tailed_and_clustered(data: dict[str, Any]) -> None:
    degree: Counter[str] = Counter()
    for c in data["connections"]:
        degree[c["source"]] += 1
        degree[c["target"]] += 1
    values = sorted(degree.values())
    median = values[len(values) // 2]
    assert values[-1] >= 8 * median
    top = sum(values[-len(values) // 100 :]) / sum(values)
    assert top >= 0.05  # the top 1% hold far more than 1% of the endpoints
    employer = {
        a["id"]: a["positions"][0].get("organisation_id")
        for a in data["accounts"]
        if a["positions"]
    }
    same = sum(employer.get(c["source"]) == employer.get(c["target"]) for c in data["connections"])
    assert same / len(data["connections"]) > 0.2


def test_benign_look_alikes_are_present(data: dict[str, Any]) -> None:
    notes = Counter(r["note"].split(" by ")[0] for r in data["labels"] if r["label"] == "genuine")
    for kind in (
        "look-alike: genuine recruiter",
        "look-alike: new sparse member",
        "look-alike: frequent job changes",
        "look-alike: office sign-up batch",
        "look-alike: photo stolen",
    ):
        assert notes[kind] >= 1, kind
    recruiters = {
        r["account_id"] for r in data["labels"] if r["note"] == "look-alike: genuine recruiter"
    }
    sent = Counter(i["sender"] for i in data["invitations"] if i["sender"] in recruiters)
    accounts = _accounts(data)
    busy = [r for r, n in sent.items() if n >= 20]
    assert busy and all(accounts[r]["verified_workplace"] for r in busy)
    office = [
        accounts[r["account_id"]]
        for r in data["labels"]
        if r["note"] == "look-alike: office sign-up batch"
    ]
    by_ip = Counter(a["registration"]["ip"] for a in office)
    assert by_ip.most_common(1)[0][1] >= 5
    hoppers = [
        accounts[r["account_id"]]
        for r in data["labels"]
        if r["note"] == "look-alike: frequent job changes"
    ]
    assert max(len(a["positions"]) for a in hoppers) >= 5


def test_some_campaigns_are_known_to_intel(data: dict[str, Any]) -> None:
    known = {c["intel_codename"] for c in data["campaigns"] if c["intel_codename"]}
    tagged = {i.get("campaign") for i in data["indicators"]} - {None}
    assert known and tagged <= known
    assert not any(i.get("campaign", "").startswith("camp-") for i in data["indicators"])


def test_consultancies_seek_staff_who_list_a_clearance(data: dict[str, Any]) -> None:
    clear = {a["id"] for a in data["accounts"] if "Security Clearance" in a["skills"]}
    fake = {r["account_id"] for r in data["labels"] if r["label"] == "fake"}
    targets = [
        t for c in data["campaigns"] if c["archetype"] == "consultancy" for t in c["targets"]
    ]
    base = len(clear - fake) / (len(data["accounts"]) - len(fake))
    assert sum(t in clear for t in targets) / len(targets) > 2 * base
