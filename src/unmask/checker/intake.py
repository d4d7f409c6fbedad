"""What a member hands the checker, turned into an interchange ``Account``.

Four shapes are accepted: an interchange account record (docs/format.md), a platform profile
export (camelCase keys such as ``firstName``, ``positions[].companyName``), the fields typed
into the checker page (``name``, ``headline``, ``employer``, ``title``, ``about``, ...; see
``TYPED_FIELDS``) and the text a browser copies from a profile page (``profile_from_text``, parsed
by ``paste.parse_paste``). Anything else is an error, never a profile of "unknown": a JSON object
with none of the profile's fields (``{"foo": 1}``) is refused with the fields that are expected;
other keys next to a real profile are ignored.
When the member does not know when the account was created, it is taken as *not new* (ten years
before ``as_of``): an unknown age must not raise the risk of a genuine profile.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError

from unmask.model import Account

UNKNOWN_AGE = timedelta(days=3650)


class IntakeError(ValueError):
    """The input is not a profile the checker understands (the message says why)."""


def _text(data: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _anon_id(data: Mapping[str, Any]) -> str:
    digest = hashlib.sha256(repr(sorted(data.items(), key=str)).encode()).hexdigest()[:16]
    return f"checked-{digest}"


def _from_export(data: Mapping[str, Any], as_of: datetime) -> dict[str, Any]:
    name = " ".join(p for p in (_text(data, "firstName"), _text(data, "lastName")) if p)
    positions = [
        {
            "employer": _text(p, "companyName", "company") or "unknown",
            "title": _text(p, "title"),
            "start": _text(p, "startDate") or None,
            "end": _text(p, "endDate") or None,
            "description": _text(p, "description"),
        }
        for p in data.get("positions", []) or []
        if isinstance(p, Mapping)
    ]
    education = [
        {
            "school": _text(e, "schoolName", "school") or "unknown",
            "degree": _text(e, "degreeName", "degree"),
            "field": _text(e, "fieldOfStudy", "field"),
        }
        for e in data.get("educations", data.get("education", [])) or []
        if isinstance(e, Mapping)
    ]
    return {
        "id": _text(data, "publicIdentifier", "id") or _anon_id(data),
        "created_at": _text(data, "createdAt", "memberSince") or as_of - UNKNOWN_AGE,
        "name": name or "unknown",
        "headline": _text(data, "headline"),
        "location": _text(data, "locationName", "location"),
        "about": _text(data, "summary", "about"),
        "positions": positions,
        "education": education,
        "skills": [s for s in data.get("skills", []) or [] if isinstance(s, str)],
    }


#: The typed-fields shape (the /check form, ``parse_paste`` and hand-written JSON).
TYPED_FIELDS = frozenset(
    {"id", "name", "headline", "location", "about", "employer", "title", "school", "created_at",
     "joined", "positions", "education", "skills"}
)  # fmt: skip
_CONTENT = ("name", "headline", "employer", "about", "positions")


def _list_of_maps(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise IntakeError(f"profile field {key}: expected a list of objects")
    return value


def _from_fields(data: Mapping[str, Any], as_of: datetime) -> dict[str, Any]:
    if not any(data.get(k) for k in _CONTENT):
        unknown = sorted(str(k) for k in set(data) - TYPED_FIELDS)
        if unknown:
            raise IntakeError(
                f"not a profile: unknown field(s) {', '.join(unknown[:5])}; give name, headline, "
                "employer, title, about, location or school (or paste the profile's text)"
            )
        raise IntakeError("not a profile: give at least a name, headline or employer")
    # Other keys next to a real profile (a profile URL, a connection count) are ignored.
    employer = _text(data, "employer")
    out: dict[str, Any] = {
        "id": _text(data, "id") or _anon_id(data),
        "created_at": _text(data, "created_at", "joined") or as_of - UNKNOWN_AGE,
        "name": _text(data, "name") or "unknown",
        "headline": _text(data, "headline"),
        "location": _text(data, "location"),
        "about": _text(data, "about"),
    }
    positions = [
        {"employer": _text(p, "employer") or "unknown", "title": _text(p, "title"),
         "end": None if p.get("current", True) else as_of.date().isoformat()}
        for p in _list_of_maps(data, "positions")
    ]  # fmt: skip
    if employer:
        positions.insert(0, {"employer": employer, "title": _text(data, "title")})
    if positions:
        out["positions"] = positions
    education = [
        {"school": _text(e, "school") or "unknown", "degree": _text(e, "degree")}
        for e in _list_of_maps(data, "education")
    ]
    school = _text(data, "school")
    if school:
        education.insert(0, {"school": school, "degree": ""})
    if education:
        out["education"] = education
    skills = data.get("skills") or []
    if not isinstance(skills, list):
        raise IntakeError("profile field skills: expected a list of text")
    out["skills"] = [s for s in skills if isinstance(s, str)][:50]
    return out


def profile_from_text(text: str, as_of: datetime) -> Account:
    """An ``Account`` from pasted profile text, or from JSON text of any accepted shape."""
    import json

    from unmask.checker.paste import parse_paste

    stripped = text.strip()
    if not stripped:
        raise IntakeError("give a profile: paste the profile's text or its JSON")
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise IntakeError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
        if not isinstance(data, dict):
            raise IntakeError("give one profile: a JSON object")
        return profile_from_input(data, as_of)
    try:
        fields = parse_paste(stripped)
    except ValueError as exc:
        raise IntakeError(str(exc)) from None
    return profile_from_input(fields, as_of)


def profile_from_input(data: Mapping[str, Any], as_of: datetime) -> Account:
    """An ``Account`` from any accepted shape; raises :class:`IntakeError` with the reason."""
    if not isinstance(data, Mapping) or not data:
        raise IntakeError("give a profile: a JSON object with at least a name")
    if "firstName" in data or "lastName" in data or "publicIdentifier" in data:
        fields = _from_export(data, as_of)
    elif "created_at" in data and "name" in data and "employer" not in data:
        fields = dict(data)
    else:
        fields = _from_fields(data, as_of)
    try:
        return Account.model_validate(fields)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in err["loc"])
        raise IntakeError(f"profile field {where}: {err['msg']}") from None
