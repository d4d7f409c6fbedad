"""The export's CSV files as rows, with columns found by header name.

Each file may start with notes before its header (``Connections.csv`` does), have a byte-order
mark, Windows line ends, blank rows, extra or reordered columns and header variants
(``First Name`` / ``first_name`` / ``FirstName``, ``Position`` / ``Title``). The header is the
first row (within ``HEADER_SEARCH`` rows) that names every required column of its kind; a file
without one is an error naming what is missing. Dates are read in the formats the export uses
(``08 Dec 2026``, ``2026-12-08 15:04:05 UTC``, ``12/8/26, 3:04 PM``, ISO 8601); a date that does
not parse is kept as unknown, never guessed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from unmask.export.archive import ExportError

HEADER_SEARCH = 50
MAX_FIELD = 1 << 20

#: Column -> accepted header names (normalised: lower case, letters and digits only).
COLUMNS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "connections": {
        "first_name": ("firstname", "givenname"),
        "last_name": ("lastname", "surname", "familyname"),
        "url": ("url", "profileurl", "linkedinurl", "profile"),
        "email": ("emailaddress", "email"),
        "company": ("company", "organization", "organisation", "employer"),
        "position": ("position", "title", "jobtitle", "headline"),
        "connected_on": ("connectedon", "dateconnected", "connected"),
    },
    "invitations": {
        "sender": ("from", "sender", "inviter"),
        "recipient": ("to", "recipient", "invitee"),
        "sent_at": ("sentat", "sent", "date"),
        "message": ("message", "note", "invitationmessage"),
        "direction": ("direction",),
        "sender_url": ("inviterprofileurl", "inviterurl", "fromprofileurl"),
        "recipient_url": ("inviteeprofileurl", "inviteeurl", "toprofileurl"),
    },
    "messages": {
        "conversation_id": ("conversationid", "threadid"),
        "conversation_title": ("conversationtitle", "threadtitle"),
        "sender": ("from", "sender"),
        "sender_url": ("senderprofileurl", "fromprofileurl", "senderurl"),
        "recipient": ("to", "recipients"),
        "recipient_urls": ("recipientprofileurls", "recipientprofileurl", "toprofileurls"),
        "date": ("date", "sentat", "sent"),
        "subject": ("subject",),
        "content": ("content", "body", "message", "text"),
        "folder": ("folder",),
        "draft": ("ismessagedraft", "draft"),
    },
}
REQUIRED: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "connections": (("first_name", "last_name"),),
    "invitations": (("sender", "recipient"),),
    "messages": (("sender", "content"),),
}
_FORMATS = (
    "%d %b %Y",
    "%d %B %Y",
    "%Y-%m-%d %H:%M:%S %Z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%d/%m/%Y",
)


def norm(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.casefold())


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM, or UTF-16 with one), else Windows-1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_date(text: str) -> datetime | None:
    value = " ".join(text.split())
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
        for fmt in _FORMATS:
            try:
                parsed = datetime.strptime(value.replace(" UTC", ""), fmt.replace(" %Z", ""))
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Table:
    kind: str
    rows: tuple[Mapping[str, str], ...]
    skipped: int  # blank rows and rows without the required fields
    columns: tuple[str, ...]  # the columns found


def _header(row: list[str], kind: str) -> dict[str, int] | None:
    names = [norm(c) for c in row]
    found: dict[str, int] = {}
    for column, aliases in COLUMNS[kind].items():
        for alias in aliases:
            if alias in names:
                found[column] = names.index(alias)
                break
    for group in REQUIRED[kind]:
        if not all(c in found for c in group):
            return None
    return found


def _reader(text: str) -> Iterator[list[str]]:
    csv.field_size_limit(MAX_FIELD)
    try:
        yield from csv.reader(io.StringIO(text, newline=""))
    except csv.Error as exc:
        raise ExportError(f"not a readable CSV file ({exc})") from None


def read_table(kind: str, data: bytes, name: str = "") -> Table:
    rows = _reader(decode(data))
    index: dict[str, int] | None = None
    for i, row in enumerate(rows):
        index = _header(row, kind)
        if index is not None or i >= HEADER_SEARCH:
            break
    if index is None:
        need = ", ".join(" and ".join(g) for g in REQUIRED[kind])
        raise ExportError(
            f"{name or kind}: no header row naming {need.replace('_', ' ')} in its first "
            f"{HEADER_SEARCH} rows"
        )
    out: list[dict[str, str]] = []
    skipped = 0
    for row in rows:
        if not any(cell.strip() for cell in row):
            skipped += 1
            continue
        record = {c: (row[j].strip() if j < len(row) else "") for c, j in index.items()}
        if not any(record.get(c) for g in REQUIRED[kind] for c in g):
            skipped += 1
            continue
        out.append(record)
    return Table(kind, tuple(out), skipped, tuple(sorted(index)))
