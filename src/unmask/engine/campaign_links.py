"""Links between flagged accounts: shared photos, text templates, registration clusters,
co-targeting and endorsements. Pure Python over the (small) flagged set; both engines feed it
the same rows from the same SQL (``CAMPAIGN_SQL``)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from typing import Any

PDQ_MAX_DISTANCE = 31  # of 256 bits: the same photo after crops and recompression
TEMPLATE_MIN_JACCARD = 0.5  # word 3-gram shingles of notes and about texts
COTARGET_MIN_SHARED = 3
COTARGET_MIN_JACCARD = 0.15
MAX_BUCKET = 200  # a shingle or target shared by more flagged accounts than this is common

CAMPAIGN_SQL: dict[str, str] = {
    "profile": """
SELECT a.id, a.pdq, a.about, r.cluster FROM acct a JOIN flagged f ON f.id = a.id
LEFT JOIN reg_member r ON r.id = a.id ORDER BY a.id""",
    "notes": """
SELECT i.sender AS id, i.note FROM invitation i JOIN flagged f ON f.id = i.sender
WHERE i.note IS NOT NULL AND length(i.note) > 0 ORDER BY i.sender, i.id""",
    "targets": """
SELECT DISTINCT t.sender AS id, t.recipient, s.sector, COALESCE(s.sensitive, 0) AS sensitive
FROM (SELECT sender, recipient FROM invitation UNION SELECT sender, recipient FROM message) t
JOIN flagged f ON f.id = t.sender LEFT JOIN acct_sector s ON s.id = t.recipient
ORDER BY id, recipient""",
    "endorsements": """
SELECT DISTINCT e.endorser, e.endorsee FROM endorsement e
JOIN flagged f1 ON f1.id = e.endorser JOIN flagged f2 ON f2.id = e.endorsee
ORDER BY e.endorser, e.endorsee""",
}

Link = tuple[str, str, str]  # (a, b, kind) with a < b


def _pair(a: str, b: str, kind: str) -> Link:
    return (a, b, kind) if a < b else (b, a, kind)


def photo_links(pdq: Mapping[str, str]) -> set[Link]:
    """Pairs whose PDQ hashes differ in at most PDQ_MAX_DISTANCE bits.

    Candidates come from 32 blocks of 8 bits: two hashes within 31 bits share at least one
    block exactly (pigeonhole), so bucketing by block finds every such pair.
    """
    values = {k: int(v, 16) for k, v in pdq.items() if v and len(v) == 64}
    buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
    for account, value in values.items():
        for block in range(32):
            buckets[(block, (value >> (8 * block)) & 0xFF)].append(account)
    out: set[Link] = set()
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue
        for a, b in combinations(sorted(members), 2):
            if (values[a] ^ values[b]).bit_count() <= PDQ_MAX_DISTANCE:
                out.add(_pair(a, b, "photo"))
    return out


_WORD = re.compile(r"[a-z]+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def signatures(notes: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Each sender's template: the shingles found in at least half of its notes."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    n_notes: dict[str, int] = defaultdict(int)
    for r in notes:
        sender = str(r["id"])
        n_notes[sender] += 1
        for s in shingles(str(r["note"])):
            counts[sender][s] += 1
    return defaultdict(
        set,
        {
            sender: {s for s, c in seen.items() if c >= max(1, n_notes[sender] / 2)}
            for sender, seen in counts.items()
        },
    )


def similar_sets(
    sets: Mapping[str, set[str]], min_jaccard: float, min_shared: int, kind: str
) -> set[Link]:
    index: dict[str, list[str]] = defaultdict(list)
    for account, items in sets.items():
        for item in items:
            index[item].append(account)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for members in index.values():
        if len(members) > MAX_BUCKET:
            continue
        for a, b in combinations(sorted(members), 2):
            shared[(a, b)] += 1
    out: set[Link] = set()
    for (a, b), n in shared.items():
        union = len(sets[a]) + len(sets[b]) - n
        if n >= min_shared and n / union >= min_jaccard:
            out.add(_pair(a, b, kind))
    return out


def links(
    profile: Sequence[Mapping[str, Any]],
    notes: Iterable[Mapping[str, Any]],
    targets: Iterable[Mapping[str, Any]],
    endorsements: Iterable[Mapping[str, Any]],
) -> set[Link]:
    out = photo_links({str(r["id"]): str(r["pdq"] or "") for r in profile})
    texts = signatures(notes)
    for r in profile:
        texts[str(r["id"])] |= shingles(str(r["about"] or ""))
    out |= similar_sets({k: v for k, v in texts.items() if v}, TEMPLATE_MIN_JACCARD, 3, "template")
    clusters: dict[str, list[str]] = defaultdict(list)
    for r in profile:
        if r["cluster"]:
            clusters[str(r["cluster"])].append(str(r["id"]))
    for members in clusters.values():
        out |= {_pair(a, b, "registration") for a, b in combinations(sorted(members), 2)}
    aimed: dict[str, set[str]] = defaultdict(set)
    for r in targets:
        aimed[str(r["id"])].add(str(r["recipient"]))
    out |= similar_sets(aimed, COTARGET_MIN_JACCARD, COTARGET_MIN_SHARED, "co_targeting")
    out |= {
        _pair(str(r["endorser"]), str(r["endorsee"]), "endorsement")
        for r in endorsements
        if r["endorser"] != r["endorsee"]
    }
    return out
