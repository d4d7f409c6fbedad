"""A synthetic member data export, for tests and the demo. Every person, company and message in
it is invented (profile links are on ``platform.example``); it imitates the layout of a real
export: a notes preamble before the ``Connections.csv`` header, a byte-order mark, blank rows and
files the inspection does not read.

``write_example(dest)`` writes the standard layout; ``variant="variants"`` writes the same people
with the variations the reader must tolerate (snake-case and reordered headers, extra columns,
Windows line ends, no preamble, a nested folder, ``Messages.csv`` capitalised).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

MEMBER = ("Alex", "Morgan", "https://www.platform.example/in/alex-morgan-0001")
T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."\n\n'
)

# (first, last, company, position, connected days before T0 or None, messages: (day, text))
PEOPLE: tuple[tuple[str, str, str, str, int | None, tuple[tuple[int, str], ...]], ...] = (
    ("Helen", "Marsh", "Meridian Strategic Advisory", "Senior Talent Partner", 20, (
        (19, "Hi Alex, I came across your profile and was impressed by your work on avionics "
             "integration. It is rare to find such a remarkable engineer."),
        (16, "My client, a consultancy overseas, would like a short report of 8 pages on "
             "integration testing trends. They pay USD 2,000 for it, and long-term cooperation "
             "is possible."),
        (14, "This site is not convenient for me. Could we continue on WhatsApp? "
             "My number is +44 7700 900123."),
    )),
    ("Sarah", "Lin", "Meridian Strategic Advisory", "Research Director", 9, (
        (8, "Dear Alex, your experience is exceptional. We run an expert network and our client "
            "pays well for insight into how procurement works at your company."),
    )),
    ("Daniel", "Reyes", "Global Insight Partners", "Managing Partner", None, (
        (5, "Hello Alex, please find the brief attached (brief_2026.docm). Open it on your work "
            "computer, as the macros need the company network."),
        (4, "Also, who works on the radar programme in your team? A short list of names is "
            "enough."),
    )),
    ("Priya", "Shah", "Northbridge Recruitment", "Technical Recruiter", 40, (
        (39, "Hi Alex, I'm recruiting a Senior Systems Engineer in Bristol for a client in "
             "transport. The advertised salary is £68k to £75k plus pension. Happy to share "
             "the job description if you're interested."),
    )),
    ("Jonas", "Berg", "Clearwater Expert Network", "Research Associate", 30, (
        (12, "Hello Alex, we run an expert network for investors. Our client would pay USD 600 "
             "for a short paper on trends in your industry. Would you be open to it?"),
    )),
    ("Tom", "Becker", "Example Systems Ltd", "Test Lead", 800, (
        (3, "Hi Alex, could you send me the slides from Tuesday's review? Thanks!"),
        (2, "Got them, thanks. See you at the stand-up."),
    )),
    ("Maria", "Okafor", "University of Exampleton", "Lecturer", 60, (
        (58, "Good to meet you at the systems engineering conference last week. "
             "Let's keep in touch."),
    )),
    ("Mark", "Dorsey", "Meridian Strategic Advisory", "Partner", 15, ()),
    ("Chen", "Wu", "Example Systems Ltd", "Software Engineer", 1200, ()),
    ("Lena", "Fischer", "Harbour Analytics", "Data Scientist", 300, ()),
    ("Omar", "Haddad", "Example Systems Ltd", "Project Manager", 950, ()),
    ("Grace", "Kim", "City of Exampleton", "Transport Planner", 500, ()),
)  # fmt: skip
INVITATIONS: tuple[tuple[str, str, int, str, str], ...] = (
    ("Helen Marsh", MEMBER[0] + " " + MEMBER[1], 21,
     "Impressed by your profile. I have a well-paid consulting opportunity for you.",
     "INCOMING"),
    ("Sarah Lin", MEMBER[0] + " " + MEMBER[1], 10, "", "INCOMING"),
    ("Daniel Reyes", MEMBER[0] + " " + MEMBER[1], 6,
     "Dear Alex, a fascinating profile. I would like to invite you to a paid seminar abroad.",
     "INCOMING"),
    (MEMBER[0] + " " + MEMBER[1], "Maria Okafor", 61, "Great talk today!", "OUTGOING"),
)  # fmt: skip


def _url(first: str, last: str, i: int) -> str:
    return f"https://www.platform.example/in/{first.lower()}-{last.lower()}-{1000 + i}"


def _csv(header: Sequence[str], rows: Sequence[Sequence[str]], crlf: bool = False) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(header)
    for i, row in enumerate(rows):
        writer.writerow(row)
        if i == 2:
            buf.write("\r\n" if crlf else "\n")  # a blank row, as exports sometimes have
    return buf.getvalue()


def files(variant: str = "standard") -> dict[str, bytes]:
    """Path in the export -> content."""
    v = variant == "variants"
    me = f"{MEMBER[0]} {MEMBER[1]}"
    when = {
        f"{f} {la}": (T0 - timedelta(days=d)).strftime("%d %b %Y") if d is not None else None
        for f, la, _c, _p, d, _m in PEOPLE
    }
    urls = {f"{f} {la}": _url(f, la, i) for i, (f, la, *_r) in enumerate(PEOPLE)}
    conn_rows = [
        [f, la, urls[f"{f} {la}"], "", c, p, when[f"{f} {la}"] or ""]
        for f, la, c, p, d, _m in PEOPLE
        if d is not None
    ]
    if v:
        conn = _csv(
            ["connected_on", "first_name", "last_name", "company", "title", "profile_url", "x"],
            [[r[6], r[0], r[1], r[4], r[5], r[2], "?"] for r in conn_rows],
            crlf=True,
        )
    else:
        head = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position"]
        conn = PREAMBLE + _csv([*head, "Connected On"], conn_rows)
    msg_rows = []
    for n, (f, la, _c, _p, _d, msgs) in enumerate(PEOPLE):
        name, conv = f"{f} {la}", f"conv-{n:03d}"
        for day, text in msgs:
            at = (T0 - timedelta(days=day)).strftime("%Y-%m-%d %H:%M:%S UTC")
            msg_rows.append([conv, "", name, urls[name], me, MEMBER[2], at, "", text, "INBOX"])
        if msgs:
            at = (T0 - timedelta(days=msgs[-1][0] - 1)).strftime("%Y-%m-%d %H:%M:%S UTC")
            msg_rows.append([conv, "", me, MEMBER[2], name, urls[name], at, "", "Thanks.", "SENT"])
    msg_head = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER"]  # fmt: skip
    if v:
        msg_head = [h.lower().replace(" ", "_") for h in msg_head]
    inv_rows = [
        [a, b, (T0 - timedelta(days=d)).strftime("%m/%d/%y, %I:%M %p"), m, di]
        for a, b, d, m, di in INVITATIONS
    ]
    inv_head = ["From", "To", "Sent At", "Message", "Direction"]
    prefix = "export/" if v else ""
    out = {
        f"{prefix}Connections.csv": conn,
        f"{prefix}{'Messages.csv' if v else 'messages.csv'}": _csv(msg_head, msg_rows, crlf=v),
        f"{prefix}Invitations.csv": _csv(inv_head, inv_rows, crlf=v),
        f"{prefix}Profile.csv": _csv(["First Name", "Last Name", "Headline"],
                                     [[MEMBER[0], MEMBER[1], "Systems engineer"]]),
        f"{prefix}Skills.csv": _csv(["Name"], [["Systems engineering"], ["Avionics"]]),
    }  # fmt: skip
    return {k: ("\ufeff" + s if not v else s).encode("utf-8") for k, s in out.items()}


def write_example(dest: Path, variant: str = "standard", as_zip: bool = False) -> Path:
    """Write the example export as a folder at ``dest`` (or a zip file when ``as_zip``)."""
    content = files(variant)
    if as_zip:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in content.items():
                zf.writestr(name, data)
        return dest
    for name, data in content.items():
        path = dest / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return dest
