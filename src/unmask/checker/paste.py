"""Pasted profile text -> the typed-fields shape ``intake`` understands.

What a browser copies from a profile page: the name on the first line, the headline below it, a
location line, then sections headed "About", "Experience", "Education", "Skills" (others such as
"Activity" or "Licenses & certifications" are skipped). An experience entry is a title line, an
employer line ("Northwind Defence · Full-time") and a date line ("Jan 2020 - Present · 5 yrs");
an education entry is a school line followed by a degree line. Layouts vary, so the parser is
lenient: anything it cannot place is kept in ``about`` for the cue and exposure checks.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["MAX_PASTE", "parse_paste"]

MAX_PASTE = 50_000

_SECTIONS = {
    "about": "about", "summary": "about", "experience": "experience",
    "education": "education", "skills": "skills", "top skills": "skills",
}  # fmt: skip
_SKIP = re.compile(
    r"^(?:activity|licen[cs]es? (?:&|and) certifications|volunteering|recommendations|"
    r"interests|languages|honors? (?:&|and) awards|publications|projects|courses|featured|"
    r"people also viewed|people you may know|causes)$",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"^(?:contact info|\d[\d,+]* (?:connections|followers)|connect|message|follow|more|"
    r"show all.*|see more|…see more|\(?he/him\)?|\(?she/her\)?|\(?they/them\)?|· ?(?:1st|2nd|3rd)|"
    r"(?:1st|2nd|3rd)(?: degree connection)?|open to work|view .*profile|report this profile)$",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"^(?:{_MONTH}\s+)?\d{{4}}\s*[-–—]\s*(?:present|now|current|(?:{_MONTH}\s+)?\d{{4}})",
    re.IGNORECASE,
)
_KIND = re.compile(
    r"\s*·\s*(?:full[- ]time|part[- ]time|contract|freelance|self[- ]employed|internship|"
    r"apprenticeship|seasonal|permanent).*$",
    re.IGNORECASE,
)
_LOCATION = re.compile(r"^[A-Z][\w .'-]+(?:, [A-Z][\w .'-]+){1,3}$")


def _clean(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        line = line.strip()
        if line and not _NOISE.match(line):
            out.append(line)
    return out


def _experience(lines: list[str]) -> list[dict[str, Any]]:
    positions: list[dict[str, Any]] = []
    for i, line in enumerate(lines):
        if not _DATE.match(line):
            continue
        employer = _KIND.sub("", lines[i - 1]).strip() if i >= 1 else ""
        title = lines[i - 2] if i >= 2 and not _DATE.match(lines[i - 2]) else ""
        if title and any(title == p["employer"] or title == p["title"] for p in positions):
            title = ""
        end = re.split(r"[-–—]", line, maxsplit=1)[1].split("·")[0].strip()
        current = end.casefold() in ("present", "now", "current")
        if employer:
            positions.append({"employer": employer, "title": title, "current": current})
    return positions


def _education(lines: list[str]) -> list[dict[str, str]]:
    schools: list[dict[str, str]] = []
    i = 0
    while i < len(lines):
        if _DATE.match(lines[i]):
            i += 1
            continue
        school = lines[i]
        degree = lines[i + 1] if i + 1 < len(lines) and not _DATE.match(lines[i + 1]) else ""
        schools.append({"school": school, "degree": degree})
        i += 2 if degree else 1
    return schools


def parse_paste(text: str) -> dict[str, Any]:
    """Typed fields (``name``, ``headline``, ``location``, ``about``, ``positions``,
    ``education``, ``skills``) from pasted profile text; raises ``ValueError`` if no name."""
    if len(text) > MAX_PASTE:
        raise ValueError(f"pasted profile: longer than {MAX_PASTE:,} characters")
    blocks: dict[str, list[str]] = {"head": []}
    current: str | None = "head"
    for raw in text.splitlines():
        key = raw.strip().casefold()
        if key in _SECTIONS:
            current = _SECTIONS[key]
            blocks.setdefault(current, [])
        elif _SKIP.match(raw.strip()):
            current = None
        elif current is not None:
            blocks.setdefault(current, []).append(raw)
    head = _clean(blocks["head"])
    if not head or len(head[0]) > 120:
        raise ValueError("pasted profile: the first line should be the person's name")
    out: dict[str, Any] = {"name": head[0]}
    rest = head[1:]
    if rest:
        out["headline"] = rest.pop(0)
    loc = next((line for line in rest if _LOCATION.match(line)), None)
    if loc:
        out["location"] = loc
        rest.remove(loc)
    about = _clean(blocks.get("about", [])) + rest
    if about:
        out["about"] = "\n".join(about)
    positions = _experience(_clean(blocks.get("experience", [])))
    if positions:
        out["positions"] = positions
    schools = _education(_clean(blocks.get("education", [])))
    if schools:
        out["education"] = schools
    skills = [s for s in _clean(blocks.get("skills", [])) if len(s) <= 80]
    if skills:
        out["skills"] = skills[:50]
    return out
