"""The campaign page's pictures: a timeline with one lane per member, targets by sector and by
organisation, and a graph of the members and whom they approached (inline SVG, no script)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from unmask.api.console.charts import colour, hbars, timeline
from unmask.api.console.graph import Node, neighbourhood
from unmask.cases.provenance import PhotoOwner
from unmask.model.records import Account, Invitation, Message, Report
from unmask.model.scans import ScanCampaign

_KIND_COLOURS = {"invitation": "#6366f1", "message": "#2563eb", "report": "#dc2626"}


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _short(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass(frozen=True)
class Activity:
    invitations: list[Invitation]
    messages: list[Message]
    reports: list[Report]

    def span(self) -> tuple[datetime | None, datetime | None]:
        times = [_utc(i.sent_at) for i in self.invitations]
        times += [_utc(m.sent_at) for m in self.messages]
        return min(times, default=None), max(times, default=None)


def campaign_charts(
    c: ScanCampaign,
    act: Activity,
    names: dict[str, str],
    target_accounts: list[Account],
    victims: dict[str, PhotoOwner],
    title: str,
) -> dict[str, Any]:
    sectors = Counter(str(t.get("sector") or "unknown") for t in c.targets).most_common(10)
    orgs = Counter(a.positions[0].employer for a in target_accounts if a.positions)
    events = [
        (
            i.sent_at,
            names.get(i.sender, i.sender),
            _KIND_COLOURS["invitation"],
            f"{names.get(i.sender, i.sender)} invited {i.recipient} {i.sent_at:%d %b %H:%M}",
        )
        for i in act.invitations
    ]
    events += [
        (
            m.sent_at,
            names.get(m.sender, m.sender),
            _KIND_COLOURS["message"],
            f"{names.get(m.sender, m.sender)} to {m.recipient}: {m.body[:80]}",
        )
        for m in act.messages
    ]
    events += [
        (
            r.created_at,
            names.get(r.reported, r.reported),
            _KIND_COLOURS["report"],
            f"report against {names.get(r.reported, r.reported)}: {r.reason.value}",
        )
        for r in act.reports
    ]
    lanes = sorted({e[1] for e in events})
    member_set = set(c.members)
    nodes = [Node(m, names.get(m, m), "campaign", "connected", m not in victims) for m in c.members]
    nodes += [
        Node(str(t["account"]), str(t["account"]), t.get("sector"), "invited")
        for t in c.targets
        if t["account"] not in member_set
    ]
    chords = [(a, b) for a, b, _ in c.pairs]
    chords += [(str(m), str(t["account"])) for t in c.targets for m in t.get("by", ())][:400]
    return {
        "sectors": hbars(
            [(s, float(n), colour(s)) for s, n in sectors], "targets by sector", width=700
        ),
        "orgs": hbars(
            [(_short(o), float(n), "#0f172a") for o, n in orgs.most_common(10)],
            "targets by organisation",
            width=700,
        ),
        "timeline": timeline(events, lanes, "timeline of the campaign", 700),
        "graph": neighbourhood(title, nodes, chords, 700, 520),
    }
