"""The export inspection as one self-contained HTML page (inline CSS, no scripts, no external
assets): safe to open from disk, e-mail to a security team or print to PDF. Everything taken
from the export is escaped."""

from __future__ import annotations

from html import escape

from unmask.export.inspect import Approach, Inspection

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}.lead{color:#4a5365;margin:0 0 18px}
.cards{display:flex;gap:12px;margin:0 0 18px;flex-wrap:wrap}
.card{background:#fff;border-radius:8px;padding:10px 16px;box-shadow:0 1px 2px #0002}
.card b{display:block;font-size:22px}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden;
box-shadow:0 1px 2px #0002}
th,td{text-align:left;vertical-align:top;padding:10px 12px;border-bottom:1px solid #e4e7ec}
th{background:#eef1f5;font-size:13px;text-transform:uppercase;letter-spacing:.03em}
td ul{margin:0;padding-left:18px}.who small{display:block;color:#4a5365}
.badge{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:600;color:#fff}
.high{background:#b42318}.medium{background:#b54708}.low{background:#067647}
q{color:#4a5365;font-style:italic}.note{color:#4a5365;font-size:13px;margin-top:18px}
"""


def _person(a: Approach) -> str:
    p = a.person
    name = escape(p.name)
    if p.url.startswith("https://"):
        name = f'<a href="{escape(p.url)}" rel="noopener noreferrer">{name}</a>'
    role = " at ".join(escape(x) for x in (p.position, p.company) if x)
    contact = (
        "a connection" + (f" since {p.connected_on.date().isoformat()}" if p.connected_on else "")
        if p.connected
        else "invited you"
        if p.invited_me
        else "not a connection"
    )
    return f'<td class="who">{name}<small>{role}</small><small>{escape(contact)}</small></td>'


def _row(a: Approach) -> str:
    reasons = "".join(f"<li>{escape(r)}</li>" for r in a.reasons)
    quotes = ", ".join(f"<q>{escape(q)}</q>" for q in a.quotes[:4])
    actions = "".join(f"<li>{escape(x)}</li>" for x in a.actions)
    said = f"<p>They wrote: {quotes}</p>" if quotes else ""
    return (
        f'<tr><td><span class="badge {a.risk}">{a.risk}</span></td>{_person(a)}'
        f"<td><ul>{reasons}</ul>{said}</td><td><ul>{actions}</ul></td></tr>"
    )


def render_html(ins: Inspection) -> str:
    counts = ins.counts()
    flagged = [a for a in ins.approaches if a.risk != "low"]
    rest = [a for a in ins.approaches if a.risk == "low"]
    cards = "".join(
        f'<div class="card"><b>{n}</b>{escape(label)}</div>'
        for n, label in (
            (counts["high"], "high risk"),
            (counts["medium"], "medium risk"),
            (sum(bool(a.person.sent) for a in ins.approaches), "people who wrote to you"),
            (ins.contacts, "connections"),
        )
    )
    rows = "".join(_row(a) for a in flagged) or (
        '<tr><td colspan="4">Nothing in your export stands out. Keep accepting only people '
        "you know or can verify.</td></tr>"
    )
    others = ", ".join(escape(a.person.name) for a in rest)
    who = f" for {escape(ins.member)}" if ins.member else ""
    unread = (
        f'<p class="note">Each person\'s first messages were read; {ins.texts_not_read:,} later '
        "ones were not.</p>"
        if ins.texts_not_read
        else ""
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Your network: approaches to check</title><style>{_CSS}</style></head>
<body><main>
<h1>Your network: approaches to check</h1>
<p class="lead">From your data export{who}. Read on this computer: nothing was sent anywhere
and nothing was kept.</p>
<div class="cards">{cards}</div>
<table><thead><tr><th>Risk</th><th>Who</th><th>Why</th><th>What to do</th></tr></thead>
<tbody>{rows}</tbody></table>
<p class="note">Nothing stands out in what these people sent: {others or "nobody else wrote"}.</p>
{unread}
<p class="note">The ratings come from hallmarks of hostile approaches in what each person sent
you (payment for reports, moving to another app, documents to open, questions about colleagues
or non-public work, flattery, a quick escalation). A low rating is not proof that someone is
genuine, and a high one is a reason to check, not a verdict.</p>
</main></body></html>
"""
