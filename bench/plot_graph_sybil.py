"""The graph_sybil rows as a chart: docs/img/graph-sybil-auc.svg (no recomputation).

    .venv/bin/python bench/plot_graph_sybil.py [--rows docs/evaluation.json]

One panel per real graph; per Sybil-region shape, the default ``trust_propagation`` (solid) and
``sybilrank_reference`` (dashed) against attack edges, held-out seeds, no known fakes.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from pathlib import Path

SPLIT = re.compile(
    r"(?P<graph>\w+) \(clustering (?P<c>[\d.]+)\), (?P<shape>\w+) region, (?P<k>\d+) attack edges"
)
COLOURS = {"copy": "#1f77b4", "sparse": "#2ca02c", "scale_free": "#d62728", "cliques": "#9467bd"}
GRAPHS = ("facebook", "github", "twitch", "wikipedia")
PW, PH, L, T, B, GAP = 260, 220, 50, 40, 40, 60
KS = (100, 1000, 5000)


def _x(panel: int, k: int) -> float:
    left = L + panel * (PW + GAP)
    return left + (math.log10(k) - 2) / (math.log10(5000) - 2) * PW


def _y(v: float) -> float:
    return T + (1.0 - v) / 0.9 * PH


def svg(rows: list[dict[str, object]]) -> str:
    cells: dict[tuple[str, str, str], dict[int, float]] = {}
    clustering: dict[str, str] = {}
    for r in rows:
        m = SPLIT.match(str(r["split"]))
        if r["suite"] != "graph_sybil" or m is None or "known fakes" in str(r["split"]):
            continue
        clustering[m["graph"]] = m["c"]
        key = (m["graph"], m["shape"], str(r["detector"]))
        cells.setdefault(key, {})[int(m["k"])] = float(str(r["value"]))
    width = L + len(GRAPHS) * (PW + GAP) + 150
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{T + PH + B + 20}" '
        'font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{T + PH + B + 20}" fill="white"/>',
        f'<text x="{L}" y="16" font-size="13">ROC AUC vs attack edges, 1,000 injected Sybils, '
        "held-out seeds 0-4: default trust_propagation (solid) and SybilRank "
        "(dashed; hidden where equal)</text>",
    ]
    for p, graph in enumerate(GRAPHS):
        left = L + p * (PW + GAP)
        out.append(
            f'<text x="{left}" y="{T - 6}">{graph} (clustering {clustering.get(graph, "?")})</text>'
        )
        for v in (0.1, 0.4, 0.7, 1.0):
            y = _y(v)
            out.append(
                f'<line x1="{left}" y1="{y:.1f}" x2="{left + PW}" y2="{y:.1f}" stroke="#ddd"/>'
            )
            out.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{v:.1f}</text>')
        for k in KS:
            out.append(
                f'<text x="{_x(p, k):.1f}" y="{T + PH + 14}" text-anchor="middle">{k:,}</text>'
            )
        for shape, colour in COLOURS.items():
            for detector, dash in (("trust_propagation", ""), ("sybilrank_reference", "5,4")):
                values = cells.get((graph, shape, detector), {})
                pts = " ".join(f"{_x(p, k):.1f},{_y(values[k]):.1f}" for k in KS if k in values)
                out.append(
                    f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2" '
                    f'stroke-dasharray="{dash}"/>'
                )
    lx = L + len(GRAPHS) * (PW + GAP)
    for i, (shape, colour) in enumerate(COLOURS.items()):
        y = T + 10 + 18 * i
        out.append(
            f'<line x1="{lx}" y1="{y}" x2="{lx + 24}" y2="{y}" stroke="{colour}" stroke-width="2"/>'
        )
        out.append(f'<text x="{lx + 30}" y="{y + 4}">{shape}</text>')
    out.append(f'<text x="{L}" y="{T + PH + B + 10}">attack edges (log scale)</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=Path, default=Path("docs/evaluation.json"))
    parser.add_argument("--out", type=Path, default=Path("docs/img/graph-sybil-auc.svg"))
    args = parser.parse_args()
    args.out.write_text(svg(json.loads(args.rows.read_text())))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
