"""The organisation report: one self-contained HTML page with inline SVG bar charts (no scripts,
no external assets), printable to PDF from any browser."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from html import escape

from unmask.org.view import OrgView

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;color:#1d2433;max-width:980px;margin:2rem auto;
padding:0 1rem}h1{font-size:1.6rem;margin-bottom:.2rem}
h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d8dde6}
table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-bottom:1px solid #eceff4;padding:.35rem .5rem;text-align:left}
.muted{color:#5b6577}.kpi{display:inline-block;margin-right:2rem}
.kpi b{display:block;font-size:1.8rem}
"""


def bar_chart(data: Mapping[str, int], title: str, colour: str = "#2f5fb3") -> str:
    """A horizontal bar chart as inline SVG."""
    if not data:
        return f'<p class="muted">{escape(title)}: nothing to show.</p>'
    width, row, label_w = 640, 26, 170
    top = max(data.values()) or 1
    height = row * len(data) + 10
    bars = []
    for i, (label, value) in enumerate(data.items()):
        y = i * row + 5
        w = round((width - label_w - 60) * value / top)
        bars.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1)}" height="{row - 8}" '
            f'fill="{colour}" rx="2"/>'
            f'<text x="{label_w + w + 6}" y="{y + 16}">{value}</text>'
        )
    return (
        f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="system-ui,sans-serif" font-size="12" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{"".join(bars)}</svg>'
    )


def render_report(
    org_name: str,
    view: OrgView,
    now: datetime | None = None,
    campaign_of: Mapping[str, str] | None = None,
    outcome_of: Mapping[str, str] | None = None,
) -> str:
    """The report; ``campaign_of`` names each sender's campaign (sender -> label, default the
    view's), ``outcome_of`` says what became of each sender since (sender -> words)."""
    now = now or datetime.now(UTC)
    named = campaign_of or {}
    since = outcome_of or {}
    rows = "".join(
        f"<tr><td>{a.at:%Y-%m-%d}</td><td>{escape(a.kind)}</td><td>{escape(a.staff)}</td>"
        f"<td>{escape(a.sender_name)} <span class=muted>({escape(a.sender)})</span></td>"
        f"<td>{escape(named.get(a.sender, a.campaign))}</td>"
        f"<td>{escape(since.get(a.sender, '—'))}</td></tr>"
        for a in view.approaches[:500]
    )
    staff_of: dict[str, set[str]] = {}
    for a in view.approaches:
        staff_of.setdefault(named.get(a.sender, a.campaign), set()).add(a.staff)
    touching = sorted(
        ((c, len(s)) for c, s in staff_of.items() if len(s) >= 2), key=lambda x: -x[1]
    )
    campaigns = "".join(f"<tr><td>{escape(c)}</td><td>{n}</td></tr>" for c, n in touching)
    n_reports = sum(view.reports_by_month.values())
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{escape(org_name)}: approaches to staff</title><style>{_CSS}</style></head><body>
<h1>{escape(org_name)}: hostile approaches to staff</h1>
<p class="muted">Generated {now:%Y-%m-%d %H:%M} UTC by unmask. Staff are matched by keyed hashes
of the identifiers the organisation enrolled; an approach is contact from an account that was
labelled fake, flagged for review or reported.</p>
<div><span class="kpi"><b>{view.staff_on_platform}</b>enrolled staff on the platform</span>
<span class="kpi"><b>{len(view.approaches)}</b>approaches</span>
<span class="kpi"><b>{len(touching)}</b>campaigns touching 2+ staff</span>
<span class="kpi"><b>{n_reports}</b>reports by staff</span></div>
<h2>Approaches by month</h2>{bar_chart(view.approaches_by_month, "Approaches by month")}
<h2>Reports filed by staff, by month</h2>
{bar_chart(view.reports_by_month, "Reports by month", "#3a8a5c")}
<h2>Sectors targeted by the same campaigns</h2>
{bar_chart(dict(list(view.sectors_targeted.items())[:12]), "Sectors targeted", "#b35a2f")}
<h2>Campaigns that touch several staff</h2>
<table><tr><th>campaign</th><th>staff approached</th></tr>{campaigns}</table>
<h2>Approaches</h2>
<table><tr><th>date</th><th>how</th><th>staff member</th><th>sender</th><th>campaign</th>
<th>sender since</th></tr>
{rows}</table></body></html>"""
