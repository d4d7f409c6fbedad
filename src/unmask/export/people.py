"""The people in a member's export: connections, who invited whom, who wrote what, joined by
profile link (else by name), and which of the names is the member."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from unmask.export.tables import Table, parse_date


def norm_url(url: str) -> str:
    u = url.strip().split("?")[0].split("#")[0].rstrip("/").casefold()
    return u.removeprefix("https://").removeprefix("http://").removeprefix("www.")


def norm_name(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Sent:
    """One thing a person sent the member: an invitation note or a message."""

    at: datetime | None
    text: str
    kind: str  # invitation | message
    order: int  # position in its file (ties and unknown dates keep file order)


@dataclass
class Person:
    name: str
    url: str = ""
    company: str = ""
    position: str = ""
    connected_on: datetime | None = None
    connected: bool = False
    invited_me: bool = False
    sent: list[Sent] = field(default_factory=list)

    @property
    def first_contact(self) -> datetime | None:
        times = [s.at for s in self.sent if s.at] + (
            [self.connected_on] if self.connected_on else []
        )
        return min(times) if times else None

    @property
    def last_contact(self) -> datetime | None:
        times = [s.at for s in self.sent if s.at]
        return max(times) if times else None

    def texts(self) -> list[str]:
        ordered = sorted(self.sent, key=lambda s: (s.at is None, s.at or 0, s.order))
        return [s.text for s in ordered if s.text.strip()]


def find_member(tables: dict[str, Table], given: str | None = None) -> str:
    """The member's name: given, else the name on most messages and outgoing invitations."""
    if given:
        return given
    seen: Counter[str] = Counter()
    shown: dict[str, str] = {}

    def count(name: str, n: int) -> None:
        key = norm_name(name)
        if key:
            seen[key] += n
            shown.setdefault(key, " ".join(name.split()))

    for row in tables["messages"].rows if "messages" in tables else ():
        count(row.get("sender", ""), 1)
        for name in row.get("recipient", "").split(","):
            count(name, 1)
    for row in tables["invitations"].rows if "invitations" in tables else ():
        direction = row.get("direction", "").casefold()
        side = "sender" if direction == "outgoing" else "recipient" if direction else ""
        if side:
            count(row.get(side, ""), 3)
    return shown[seen.most_common(1)[0][0]] if seen else ""


class People:
    """Everyone in the export but the member, each once (by profile link, else by name)."""

    def __init__(self, member: str) -> None:
        self.member = norm_name(member)
        self.people: list[Person] = []
        self._by_url: dict[str, Person] = {}
        self._by_name: dict[str, Person] = {}

    def get(self, name: str, url: str = "") -> Person | None:
        key_name, key_url = norm_name(name), norm_url(url) if url.strip() else ""
        if key_name == self.member or not (key_name or key_url):
            return None
        person = self._by_url.get(key_url) if key_url else None
        if person is None and key_name:
            person = self._by_name.get(key_name)
            if person is not None and key_url and person.url and norm_url(person.url) != key_url:
                person = None  # two people with one name: the links tell them apart
        if person is None:
            person = Person(" ".join(name.split()) or url.strip(), url.strip())
            self.people.append(person)
        if key_url and not person.url:
            person.url = url.strip()
        if key_url:
            self._by_url.setdefault(key_url, person)
        if key_name:
            self._by_name.setdefault(key_name, person)
        return person

    def add_connections(self, table: Table) -> None:
        for row in table.rows:
            name = f"{row.get('first_name', '')} {row.get('last_name', '')}"
            p = self.get(name, row.get("url", ""))
            if p is None:
                continue
            p.connected = True
            p.company = row.get("company", "") or p.company
            p.position = row.get("position", "") or p.position
            p.connected_on = parse_date(row.get("connected_on", "")) or p.connected_on

    def add_invitations(self, table: Table) -> None:
        for i, row in enumerate(table.rows):
            direction = row.get("direction", "").casefold()
            incoming = direction == "incoming" or (
                not direction and norm_name(row.get("recipient", "")) == self.member
            )
            if not incoming:
                continue
            p = self.get(row.get("sender", ""), row.get("sender_url", ""))
            if p is None:
                continue
            p.invited_me = True
            p.sent.append(
                Sent(parse_date(row.get("sent_at", "")), row.get("message", ""), "invitation", i)
            )

    def add_messages(self, table: Table) -> None:
        for i, row in enumerate(table.rows):
            if row.get("draft", "").casefold() in ("yes", "true", "1"):
                continue
            p = self.get(row.get("sender", ""), row.get("sender_url", ""))
            if p is None:
                continue
            text = row.get("content", "")
            subject = row.get("subject", "")
            if subject and subject not in text:
                text = f"{subject}\n{text}"
            p.sent.append(Sent(parse_date(row.get("date", "")), text, "message", i))
