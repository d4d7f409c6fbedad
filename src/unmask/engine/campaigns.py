"""Campaigns: flagged accounts linked into one operator's campaign, with its own assessment.

A campaign's risk is its riskiest member's (as in ``unmask.cases.campaigns``); its finding lists
how the members are linked and whom they approached, with each target's exposure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from unmask.cases.campaigns import campaign_id, campaign_risk, cluster
from unmask.detectors.network.runner import SqlRunner
from unmask.engine.campaign_links import CAMPAIGN_SQL, links
from unmask.model import Assessment, Evidence, Finding
from unmask.scoring import Policy
from unmask.scoring.combine import route_for

DETECTOR, VERSION = "campaign_links", "1"


@dataclass(frozen=True)
class Campaign:
    key: str
    members: tuple[str, ...]
    links: dict[str, int]
    targets: tuple[dict[str, Any], ...]
    assessment: Assessment
    pairs: tuple[tuple[str, str, str], ...] = field(default=())

    @property
    def n_sensitive(self) -> int:
        return sum(1 for t in self.targets if t["sensitive"])


def build_campaigns(
    runner: SqlRunner, flagged: Sequence[str], risk: Mapping[str, float], policy: Policy
) -> list[Campaign]:
    import pyarrow as pa

    runner.register("flagged", pa.table({"id": pa.array(sorted(flagged), type=pa.string())}))
    rows = {name: runner.fetch(sql) for name, sql in CAMPAIGN_SQL.items()}
    found = links(rows["profile"], rows["notes"], rows["targets"], rows["endorsements"])
    groups = cluster(flagged, ((a, b) for a, b, _ in found))
    aimed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows["targets"]:
        aimed[str(r["id"])].append(r)
    out: list[Campaign] = []
    for key in sorted(groups):
        members = tuple(sorted(groups[key]))
        inside = set(members)
        pairs = tuple(sorted(p for p in found if p[0] in inside))
        kinds = dict(sorted(Counter(kind for _, _, kind in pairs).items()))
        targets: dict[str, dict[str, Any]] = {}
        for m in members:
            for t in aimed.get(m, ()):
                rec = str(t["recipient"])
                if rec in inside:
                    continue
                entry = targets.setdefault(
                    rec,
                    {
                        "account": rec,
                        "sector": t["sector"],
                        "sensitive": bool(t["sensitive"]),
                        "by": [],
                    },
                )
                entry["by"].append(m)
        tlist = tuple(targets[k] for k in sorted(targets))
        level = round(campaign_risk(members, risk), 6)
        finding = _finding(key, members, kinds, tlist, level)
        assessment = Assessment(
            key, level, route_for(level, policy), policy.version, (finding,), "campaign"
        )
        out.append(Campaign(key, members, kinds, tlist, assessment, pairs))
    return out


def _finding(
    key: str,
    members: Sequence[str],
    kinds: Mapping[str, int],
    targets: Sequence[dict[str, Any]],
    risk: float,
) -> Finding:
    how = ", ".join(f"{kind.replace('_', ' ')} ({n} pair(s))" for kind, n in kinds.items())
    sectors = Counter(t["sector"] for t in targets if t["sensitive"])
    top = ", ".join(f"{s} {n}" for s, n in sectors.most_common(3))
    sensitive = sum(sectors.values())
    evidence = (
        Evidence(
            f"{len(members)} flagged accounts linked by {how}",
            weight=risk,
            member_text="it belongs to a group of linked accounts",
            related=tuple(members),
            data={"links": dict(kinds)},
        ),
        Evidence(
            f"approached {len(targets)} member(s), {sensitive} in sensitive sectors"
            + (f" ({top})" if top else ""),
            weight=round(sensitive / max(len(targets), 1), 4),
            related=tuple(t["account"] for t in targets)[:100],
        ),
    )
    return Finding(DETECTOR, VERSION, key, risk, evidence, subject_kind="campaign")


__all__ = ["Campaign", "build_campaigns", "campaign_id"]
