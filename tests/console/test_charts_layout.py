"""Chart layout regressions: timeline lane names are never clipped, and the names of flagged
accounts in the graph neither overlap each other nor sit on the ring's nodes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from unmask.api.console.charts import timeline
from unmask.api.console.graph import Node, neighbourhood


def test_timeline_leaves_room_for_the_longest_lane_name() -> None:
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    events = [(t0 + timedelta(days=i), "invitations", "#000", "x") for i in range(100)]
    svg = str(timeline(events, ["invitations", "messages", "reports"], "approaches"))
    label = re.search(r'<text x="([\d.]+)"[^>]*>invitations \(100\)</text>', svg)
    assert label, svg[:500]
    right_edge = float(label.group(1))  # text-anchor end: the text ends here
    assert right_edge - 7 * len("invitations (100)") >= 0, "the lane name starts inside the chart"


def _boxes(svg: str) -> list[tuple[float, float, float, float]]:
    out = []
    for m in re.finditer(
        r'<text x="([\d.-]+)" y="([\d.-]+)" font-size="11" fill="#991b1b" '
        r'text-anchor="(\w+)"[^>]*>([^<]+)</text>',
        svg,
    ):
        x, y, anchor, text = float(m.group(1)), float(m.group(2)), m.group(3), m.group(4)
        w = 6.4 * len(text)
        left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
        out.append((left, y - 10, left + w, y + 3))
    return out


def test_flagged_names_do_not_overlap_each_other_or_the_ring() -> None:
    nodes = [
        Node(f"n{i}", f"Member Number {i}", "defence", "connected", flagged=i % 4 == 0)
        for i in range(56)
    ]
    svg = str(neighbourhood("Centre Person", nodes, []))
    boxes = _boxes(svg)
    assert len(boxes) == 14
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    circles = [
        (float(x), float(y))
        for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="(?:7|9)"', svg)
    ]
    for left, top, right, bottom in boxes:
        for x, y in circles:
            inside = left - 3 < x < right + 3 and top - 3 < y < bottom + 3
            assert not inside, ("a name sits on a node", (left, top, right, bottom), (x, y))
