"""AUC against attack edges for the trust-propagation methods, as an SVG and a console chart.

    .venv/bin/python bench/plot_sybil_auc.py [--data ../shared/data]

Runs the ``facebook_sybil`` measurement (about a minute and a half), writes
bench-results/sybil-auc.json (every AUC per simulation seed) and docs/img/sybil-auc.svg.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

from unmask.evaluation import data_dir
from unmask.evaluation.facebook_sybil import Measurement, measure

SHOWN = {
    "trust_propagation.sybilrank": ("SybilRank", "#d62728"),
    "trust_propagation.integro": ("Íntegro-style (victim weights)", "#1f77b4"),
    "trust_propagation.embedded": ("embedded (graph + seeds only)", "#2ca02c"),
    "trust_propagation.known_fakes": ("embedded + 20 known fakes", "#9467bd"),
}
DASH = {"random_seeds": "", "platform_seeds": "6,4"}
W, H, L, R, T, B = 860, 460, 60, 330, 30, 50
Y0, Y1 = 0.3, 1.0


def _x(k: int) -> float:
    return L + (math.log10(k) - 1) / 3 * (W - L - R)


def _y(v: float) -> float:
    return T + (Y1 - v) / (Y1 - Y0) * (H - T - B)


def svg(ms: list[Measurement]) -> str:
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
        'font-family="sans-serif" font-size="12">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
        f'<text x="{L}" y="18" font-size="14">ROC AUC vs attack edges: 1,000 Sybils injected '
        "into SNAP ego-Facebook (mean ± sd over 5 seeds)</text>",
    ]
    for v in np.arange(Y0, Y1 + 1e-9, 0.1):
        y = _y(float(v))
        out.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W - R}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{L - 8}" y="{y + 4:.1f}" text-anchor="end">{v:.1f}</text>')
    for k in (10, 100, 1000, 10000, 5000):
        x = _x(k)
        out.append(f'<line x1="{x:.1f}" y1="{T}" x2="{x:.1f}" y2="{H - B}" stroke="#eee"/>')
        out.append(f'<text x="{x:.1f}" y="{H - B + 16}" text-anchor="middle">{k:,}</text>')
    out.append(
        f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">attack edges '
        "(log scale)</text>"
    )
    out.append(
        f'<text x="16" y="{(T + H - B) / 2}" transform="rotate(-90 16 '
        f'{(T + H - B) / 2})" text-anchor="middle">ROC AUC</text>'
    )
    legend_y = T + 10
    for name, (label, colour) in SHOWN.items():
        for split, dash in DASH.items():
            pts = sorted(
                (m.attack_edges, m.mean, float(np.std(m.aucs)))
                for m in ms
                if m.detector == name and m.split == split
            )
            if not pts:
                continue
            path = " ".join(f"{_x(k):.1f},{_y(v):.1f}" for k, v, _ in pts)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="2" stroke-dasharray="{dash}"/>'
            )
            for k, v, sd in pts:
                x = _x(k)
                out.append(
                    f'<line x1="{x:.1f}" y1="{_y(min(v + sd, Y1)):.1f}" x2="{x:.1f}" '
                    f'y2="{_y(max(v - sd, Y0)):.1f}" stroke="{colour}" opacity="0.5"/>'
                )
                out.append(f'<circle cx="{x:.1f}" cy="{_y(v):.1f}" r="3" fill="{colour}"/>')
            lx = W - R + 15
            out.append(
                f'<line x1="{lx}" y1="{legend_y}" x2="{lx + 30}" y2="{legend_y}" '
                f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
            )
            seeds = "random seeds" if split == "random_seeds" else "platform seeds"
            out.append(
                f'<text x="{lx + 36}" y="{legend_y + 4}" font-size="10">{label}, {seeds}</text>'
            )
            legend_y += 18
    out.append("</svg>")
    return "\n".join(out) + "\n"


def console(ms: list[Measurement]) -> str:
    lines = []
    for split in DASH:
        lines.append(f"{split}: AUC (mean over seeds), bar from 0.3 to 1.0")
        for name, (label, _) in SHOWN.items():
            for m in sorted(
                (m for m in ms if m.detector == name and m.split == split),
                key=lambda m: m.attack_edges,
            ):
                bar = "#" * round((m.mean - Y0) / (Y1 - Y0) * 40)
                lines.append(f"  {label[:24]:24s} k={m.attack_edges:>6,} {m.mean:.3f} {bar}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--svg", type=Path, default=Path("docs/img/sybil-auc.svg"))
    parser.add_argument("--json", type=Path, default=Path("bench-results/sybil-auc.json"))
    parser.add_argument("--replot", action="store_true", help="redraw from --json, no measuring")
    args = parser.parse_args()
    if args.replot:
        saved = json.loads(args.json.read_text())
        ms = [
            Measurement(r["detector"], r["attack_edges"], r["split"], tuple(r["aucs"]), r["n"])
            for r in saved
        ]
    else:
        ms = measure(data_dir(args.data))
    args.svg.parent.mkdir(parents=True, exist_ok=True)
    args.svg.write_text(svg(ms))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    rows = [
        {
            "detector": m.detector,
            "attack_edges": m.attack_edges,
            "split": m.split,
            "mean": m.mean,
            "sd": float(np.std(m.aucs)),
            "aucs": list(m.aucs),
        }
        for m in ms
    ]
    args.json.write_text(json.dumps(rows, indent=1) + "\n")
    print(console(ms))


if __name__ == "__main__":
    main()
