"""Inline SVG charts drawn in Python (no JavaScript, no external assets): horizontal bars,
stacked columns and a timeline of approaches. Each returns safe markup for a template."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from markupsafe import Markup, escape

from unmask.model.enums import SENSITIVE_SECTORS

SENSITIVE = frozenset(s.value for s in SENSITIVE_SECTORS)
SECTOR_COLOURS = {
    "defence": "#c2410c",
    "aerospace": "#ea580c",
    "government": "#b91c1c",
    "security": "#be123c",
    "pharmaceuticals": "#a21caf",
    "energy": "#d97706",
    "telecom": "#b45309",
    "technology": "#2563eb",
    "academia": "#0891b2",
    "finance": "#0d9488",
    "consulting": "#4f46e5",
    "recruiting": "#7c3aed",
    "think_tank": "#6d28d9",
    "media": "#0284c7",
    "health": "#059669",
    "retail": "#65a30d",
    "other": "#64748b",
    "unknown": "#94a3b8",
}
FONT = 'font-family="Liberation Sans, Arial, DejaVu Sans, sans-serif"'


def colour(sector: str | None) -> str:
    return SECTOR_COLOURS.get(sector or "unknown", "#94a3b8")


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    head = (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" {FONT}>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _t(
    x: float,
    y: float,
    text: object,
    size: int = 12,
    fill: str = "#334155",
    anchor: str = "start",
    weight: int = 400,
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" '
        f'text-anchor="{anchor}" font-weight="{weight}">{escape(str(text))}</text>'
    )


def hbars(
    rows: Sequence[tuple[str, float, str]], label: str, unit: str = "", width: int = 520
) -> Markup:
    """One bar per row: (label, value, colour). Values are shown at the end of each bar."""
    if not rows:
        return empty(label, width)
    top = max(v for _, v, _ in rows) or 1.0
    left, right, step = 140, 56, 28
    body: list[str] = []
    for i, (name, value, fill) in enumerate(rows):
        y = 8 + i * step
        w = max(2.0, (width - left - right) * value / top)
        body.append(_t(left - 10, y + 15, name.replace("_", " "), anchor="end"))
        body.append(
            f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="17" rx="4" '
            f'fill="{fill}"><title>{escape(name)}: {value:g}{unit}</title></rect>'
        )
        shown = f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"
        body.append(_t(left + w + 6, y + 16, f"{shown}{unit}", 12, "#0f172a", weight=600))
    return _svg(width, 16 + len(rows) * step, body, label)


def columns(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str]],
    label: str,
    width: int = 560,
    height: int = 200,
) -> Markup:
    """Stacked columns with a legend; ``series`` is (name, values per label, colour)."""
    if not labels or not any(any(v for v in vals) for _, vals, _ in series):
        return empty(label, width)
    left, bottom, top_pad = 34, 28, 26
    totals = [sum(vals[i] for _, vals, _ in series) for i in range(len(labels))]
    peak = max(totals) or 1.0
    plot_h, plot_w = height - bottom - top_pad, width - left - 8
    slot = plot_w / len(labels)
    body: list[str] = []
    for k in range(4):
        y = top_pad + plot_h * k / 3
        body.append(
            f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e2e8f0"/>'
        )
        body.append(_t(left - 6, y + 4, f"{peak * (3 - k) / 3:.0f}", 10, "#64748b", "end"))
    every = max(1, -(-len(labels) // 7))
    for i, name in enumerate(labels):
        x, base = left + i * slot + slot * 0.15, float(top_pad + plot_h)
        for sname, vals, fill in series:
            h = plot_h * vals[i] / peak
            if h > 0:
                base -= h
                body.append(
                    f'<rect x="{x:.1f}" y="{base:.1f}" width="{slot * 0.7:.1f}" '
                    f'height="{h:.1f}" rx="2" fill="{fill}"><title>{escape(name)} '
                    f"{escape(sname)}: {vals[i]:g}</title></rect>"
                )
        if i % every == 0:
            body.append(_t(x + slot * 0.35, height - 10, name, 10, "#64748b", "middle"))
    lx = left
    for sname, _, fill in series:
        body.append(f'<rect x="{lx}" y="4" width="10" height="10" rx="2" fill="{fill}"/>')
        body.append(_t(lx + 14, 13, sname, 11, "#334155"))
        lx += 24 + 7 * len(sname)
    return _svg(width, height, body, label)


def timeline(
    events: Sequence[tuple[datetime, str, str, str]],
    lanes: Sequence[str],
    label: str,
    width: int = 560,
) -> Markup:
    """Approaches over time: one lane per kind; events are (time, lane, colour, tooltip)."""
    if not events:
        return empty(label, width)
    start = min(e[0] for e in events)
    end = max(e[0] for e in events)
    span = max((end - start).total_seconds(), 86400.0)
    names = [f"{lane} ({sum(1 for e in events if e[1] == lane)})" for lane in lanes]
    # room for the longest lane name at 12 px (about 7 px a character), so none is clipped
    left, lane_h, top = max(92, 16 + 7 * max(len(n) for n in names)), 38, 10
    height = top + lane_h * len(lanes) + 26
    plot_w = width - left - 14
    body: list[str] = []
    days = int(span // 86400) + 1
    step = max(1, days // 6)
    for d in range(0, days + 1, step):
        t = start + timedelta(days=d)
        x = left + plot_w * (t - start).total_seconds() / span
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{height - 22}" stroke="#e2e8f0"/>'
        )
        body.append(_t(x, height - 8, t.strftime("%d %b"), 10, "#64748b", "middle"))
    for i, name in enumerate(names):
        y = top + i * lane_h + lane_h / 2
        body.append(_t(left - 10, y + 4, name, 12, "#334155", "end"))
        body.append(f'<line x1="{left}" x2="{width - 14}" y1="{y}" y2="{y}" stroke="#cbd5e1"/>')
    for at, lane, fill, tip in events:
        if lane not in lanes:
            continue
        x = left + plot_w * (at - start).total_seconds() / span
        y = top + lanes.index(lane) * lane_h + lane_h / 2
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="{fill}" '
            f'fill-opacity="0.75" stroke="#fff"><title>{escape(tip)}</title></circle>'
        )
    return _svg(width, height, body, label)


def empty(label: str, width: int = 520) -> Markup:
    return _svg(
        width, 60, [_t(width / 2, 34, "nothing to show yet", 13, "#94a3b8", "middle")], label
    )
