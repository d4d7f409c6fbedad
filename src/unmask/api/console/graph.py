"""The account's graph neighbourhood as an SVG: the account in the middle, the members it is
connected to or approached around it (grouped and coloured by sector), their own links as
chords, and other flagged accounts ringed in red."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from unmask.api.console.charts import FONT, colour


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    sector: str | None
    relation: str  # connected | invited
    flagged: bool = False


def neighbourhood(
    center: str,
    nodes: Sequence[Node],
    chords: Sequence[tuple[str, str]],
    width: int = 560,
    height: int = 480,
    cap: int = 56,
) -> Markup:
    chosen = _spread(
        sorted(nodes, key=lambda n: (not n.flagged, n.relation != "connected", n.id))[:cap]
    )
    cx, cy = width / 2, (height - 56) / 2 + 6
    radius = min(cx, cy) - 36
    pos: dict[str, tuple[float, float]] = {}
    for i, node in enumerate(chosen):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(chosen))
        pos[node.id] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    body: list[str] = []
    for a, b in chords:
        if a in pos and b in pos:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            mx, my = (x1 + x2) / 2 * 0.6 + cx * 0.4, (y1 + y2) / 2 * 0.6 + cy * 0.4
            body.append(
                f'<path d="M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}" '
                'fill="none" stroke="#cbd5e1" stroke-opacity="0.6" stroke-width="0.8"/>'
            )
    for node in chosen:
        x, y = pos[node.id]
        dash = "" if node.relation == "connected" else ' stroke-dasharray="4 4"'
        stroke = "#dc2626" if node.flagged else "#94a3b8"
        body.append(
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke="{stroke}" stroke-opacity="0.55" stroke-width="1.2"{dash}/>'
        )
    placed: list[tuple[float, float, float, float]] = []
    for node in chosen:
        x, y = pos[node.id]
        ring = (
            ' stroke="#dc2626" stroke-width="3"'
            if node.flagged
            else ' stroke="#fff" stroke-width="1.5"'
        )
        r = 9 if node.flagged else 7
        tip = f"{node.label} — {(node.sector or 'unknown').replace('_', ' ')}, {node.relation}"
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour(node.sector)}"{ring}>'
            f"<title>{escape(tip)}</title></circle>"
        )
        if node.flagged:
            body.append(_label(node.label, x, y, cx, cy, placed))
    body.append(
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="17" fill="#0f172a" stroke="#dc2626" '
        f'stroke-width="4"><title>{escape(center)}</title></circle>'
    )
    body.append(
        f'<text x="{cx:.1f}" y="{cy + 34:.1f}" font-size="12" font-weight="700" '
        f'fill="#0f172a" text-anchor="middle" stroke="#fff" stroke-width="4" '
        f'paint-order="stroke">{escape(center)}</text>'
    )
    body.extend(_legend(chosen, height, width))
    head = (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="graph neighbourhood" xmlns="http://www.w3.org/2000/svg" {FONT}>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _label(
    text: str,
    x: float,
    y: float,
    cx: float,
    cy: float,
    placed: list[tuple[float, float, float, float]],
) -> str:
    """A flagged node's name outside the ring, along the ray from the centre (so it never sits
    on the neighbouring nodes), pushed further out while it would overlap a name already placed."""
    dx, dy = x - cx, y - cy
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    anchor = "start" if ux > 0.35 else "end" if ux < -0.35 else "middle"
    w, h = 6.4 * len(text), 13.0
    for step in range(6):
        off = 15 + 13 * step
        lx, ly = x + ux * off, y + uy * off + (4 if abs(uy) < 0.6 else 10 * uy)
        left = lx if anchor == "start" else lx - w if anchor == "end" else lx - w / 2
        box = (left, ly - h + 3, left + w, ly + 3)
        if not any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed
        ):
            break
    placed.append(box)
    return (
        f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="11" fill="#991b1b" text-anchor="{anchor}" '
        f'font-weight="600" stroke="#fff" stroke-width="3" paint-order="stroke">'
        f"{escape(text)}</text>"
    )


def _spread(nodes: list[Node]) -> list[Node]:
    """Sector groups around the circle, flagged accounts spaced evenly so labels do not clash."""
    flagged = [n for n in nodes if n.flagged]
    rest = sorted((n for n in nodes if not n.flagged), key=lambda n: (n.sector or "~", n.id))
    if not flagged:
        return rest
    out: list[Node] = []
    gap = len(rest) / len(flagged)
    for i, node in enumerate(flagged):
        out.append(node)
        out.extend(rest[round(i * gap) : round((i + 1) * gap)])
    return out


def _legend(nodes: Sequence[Node], height: int, width: int) -> list[str]:
    out, x, y = [], 8.0, height - 30
    for sector in sorted({n.sector or "unknown" for n in nodes}):
        name = sector.replace("_", " ")
        if x + 22 + 6.4 * len(name) > width:
            x, y = 8.0, y + 18
        out.append(f'<circle cx="{x + 5:.1f}" cy="{y}" r="5" fill="{colour(sector)}"/>')
        out.append(
            f'<text x="{x + 13:.1f}" y="{y + 4}" font-size="11" fill="#475569">'
            f"{escape(name)}</text>"
        )
        x += 22 + 6.4 * len(name)
    return out
