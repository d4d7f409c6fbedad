"""A member's export inspected: every contact who sent something, rated by the approach cues of
what they sent and by the rules below, ranked by risk, each with reasons and what to do.

Levels use the checker's bands (high >= 0.6, medium >= 0.3) on a noisy-OR of the cue reading's
rule score and these context rules, which count only when a cue fired (no level from context
alone, and every level above low has a reason):

* ``quick`` (0.15): the conversation escalated (an opening without a strong cue of the
  catalogue, then one) within ``QUICK_DAYS`` of first contact;
* ``stranger`` (0.1): they wrote without being a connection;
* ``same_company`` (0.2): two or more people giving the same employer sent approach cues.

A connection who never wrote is listed (medium, ``COLLEAGUE``) only when they give the same
employer as a high-risk approach: front companies run several personas.

The weights are set by hand from ``../shared/TRADECRAFT.md`` (the escalation pattern and front
companies with several personas); they are not fitted on any data. Pure: no database or network.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from unmask.export.archive import ExportTooLargeError
from unmask.export.cues import CueReading, read_messages
from unmask.export.people import People, Person, find_member, norm_name
from unmask.export.tables import Table, read_table

Level = Literal["high", "medium", "low"]
HIGH, MEDIUM = 0.6, 0.3
QUICK_DAYS = 14
PER_PERSON = 30
QUICK = (0.15, "they moved to an offer or a request within days of first contact")
STRANGER = (0.1, "they wrote to you without being one of your connections")
SAME_COMPANY = (0.2, "others giving the same employer approached you in the same way")
COLLEAGUE = "they give the same employer as someone whose approach is rated high"


@dataclass(frozen=True)
class Approach:
    person: Person
    risk: Level
    score: float  # for ranking only; never shown
    reasons: tuple[str, ...]
    actions: tuple[str, ...]
    quotes: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        p = self.person

        def day(d: datetime | None) -> str | None:
            return d.date().isoformat() if d else None

        return {
            "risk": self.risk,
            "name": p.name,
            "profile_url": p.url or None,
            "company": p.company or None,
            "position": p.position or None,
            "connected": p.connected,
            "connected_on": day(p.connected_on),
            "invited_you": p.invited_me,
            "first_contact": day(p.first_contact),
            "last_contact": day(p.last_contact),
            "sent": len(p.sent),
            "reasons": list(self.reasons),
            "actions": list(self.actions),
            "quotes": list(self.quotes),
        }


@dataclass(frozen=True)
class Inspection:
    member: str
    files: Mapping[str, int]  # kind -> rows read
    skipped: Mapping[str, int]
    contacts: int
    approaches: tuple[Approach, ...]  # who sent something (and fronts' staff), riskiest first
    texts_read: int = 0
    texts_not_read: int = 0  # beyond each person's first PER_PERSON

    def counts(self) -> dict[str, int]:
        c = Counter(a.risk for a in self.approaches)
        return {level: c.get(level, 0) for level in ("high", "medium", "low")}

    def as_dict(self, include_low: bool = True) -> dict[str, Any]:
        shown = [a for a in self.approaches if include_low or a.risk != "low"]
        return {
            "member": self.member or None,
            "files": dict(self.files),
            "skipped_rows": dict(self.skipped),
            "contacts": self.contacts,
            "people_who_wrote": sum(bool(a.person.sent) for a in self.approaches),
            "messages_read": self.texts_read,
            "messages_not_read": self.texts_not_read,
            "risk_counts": self.counts(),
            "approaches": [a.as_dict() for a in shown],
        }


def level_of(score: float) -> Level:
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


def _noisy_or(weights: list[float]) -> float:
    keep = 1.0
    for w in weights:
        keep *= 1.0 - w
    return 1.0 - keep


def _actions(level: Level, p: Person) -> tuple[str, ...]:
    if level == "high":
        first = (
            "Remove the connection."
            if p.connected
            else "Ignore the invitation and do not reply."
            if p.invited_me
            else "Do not reply."
        )
        return (
            first,
            "Report the profile to the platform.",
            "Tell your organisation's security team, and keep the messages.",
            "Do not open documents or links they sent, and do not move to another app.",
        )
    if level == "medium":
        return (
            "Verify who they are through a channel you trust (the employer's official website "
            "or switchboard) before you reply.",
            "Keep the conversation on the platform and do not open attachments.",
            "Report the profile if they offer payment, ask about your work or colleagues, or "
            "push to move off the platform.",
        )
    return ()


def _quick(p: Person, reading: CueReading) -> bool:
    """An escalation (the opening had no strong cue) that reached one within QUICK_DAYS."""
    if not reading.strong_at:
        return False
    ordered = sorted(p.sent, key=lambda s: (s.at is None, s.at or 0, s.order))
    texts = [s for s in ordered if s.text.strip()]
    first, strong = p.first_contact, texts[reading.strong_at].at
    return bool(first and strong and strong - first <= timedelta(days=QUICK_DAYS))


def rate(p: Person, reading: CueReading, clustered: bool) -> Approach:
    weights, reasons = [reading.score], list(reading.reasons)
    if reading.categories:
        for fired, (w, why) in (
            (_quick(p, reading), QUICK),
            (not p.connected, STRANGER),
            (clustered, SAME_COMPANY),
        ):
            if fired:
                weights.append(w)
                reasons.append(why)
    score = _noisy_or(weights)
    level = level_of(score)
    return Approach(
        p,
        level,
        score,
        tuple(reasons) if level != "low" else (),
        _actions(level, p),
        reading.quotes if level != "low" else (),
    )


def colleagues_of(rated: list[Approach], silent: list[Person]) -> list[Approach]:
    """Connections who never wrote but give the same employer as a high-risk approach: front
    companies run several personas, so they are worth a second look (medium)."""
    fronts = {norm_name(a.person.company) for a in rated if a.risk == "high" and a.person.company}
    return [
        Approach(p, "medium", MEDIUM, (COLLEAGUE,), _actions("medium", p), ())
        for p in silent
        if p.company and norm_name(p.company) in fronts
    ]


class TooManyMessagesError(ExportTooLargeError):
    pass


def inspect(
    files: Mapping[str, bytes],
    member: str | None = None,
    *,
    max_texts: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Inspection:
    """Inspect the export's files (kind -> bytes, from ``unmask.export.archive``). Each person's
    first ``PER_PERSON`` messages are read (an approach shows early; a long conversation with a
    colleague need not be read to the end); more than ``max_texts`` in all is refused.
    ``progress(done, total)`` is called as people are rated."""
    tables: dict[str, Table] = {k: read_table(k, v, f"{k}.csv") for k, v in files.items()}
    me = find_member(tables, member)
    people = People(me)
    for kind, add in (
        ("connections", people.add_connections),
        ("invitations", people.add_invitations),
        ("messages", people.add_messages),
    ):
        if kind in tables:
            add(tables[kind])
    wrote = [p for p in people.people if p.sent]
    texts = {id(p): p.texts()[:PER_PERSON] for p in wrote}
    total = sum(len(t) for t in texts.values())
    if max_texts is not None and total > max_texts:
        raise TooManyMessagesError(
            f"{total:,} messages and invitation notes to read (at most {max_texts:,} here)"
        )
    readings = {}
    for i, p in enumerate(wrote):
        readings[id(p)] = read_messages(texts[id(p)])
        if progress is not None:
            progress(i + 1, len(wrote))
    companies = Counter(
        norm_name(p.company) for p in wrote if p.company and readings[id(p)].categories
    )
    rated = [
        rate(p, readings[id(p)], bool(p.company) and companies[norm_name(p.company)] >= 2)
        for p in wrote
    ]
    rated += colleagues_of(rated, [p for p in people.people if p.connected and not p.sent])
    order = {"high": 0, "medium": 1, "low": 2}
    rated.sort(
        key=lambda a: (
            order[a.risk],
            -a.score,
            -(a.person.last_contact.timestamp() if a.person.last_contact else 0),
            a.person.name,
        )
    )
    return Inspection(
        member=me,
        files={k: len(t.rows) for k, t in tables.items()},
        skipped={k: t.skipped for k, t in tables.items()},
        contacts=sum(p.connected for p in people.people),
        approaches=tuple(rated),
        texts_read=total,
        texts_not_read=sum(len(p.texts()) for p in wrote) - total,
    )
