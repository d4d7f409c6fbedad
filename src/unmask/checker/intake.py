"""What a member hands the checker, turned into an interchange ``Account``.

Three shapes are accepted: an interchange account record (docs/format.md), a platform profile
export (camelCase keys such as ``firstName``, ``positions[].companyName``) and the fields typed
into the checker page (``name``, ``headline``, ``employer``, ``title``, ``about``, ...). When the
member does not know when the account was created, it is taken as *not new* (ten years before
``as_of``): an unknown age must not raise the risk of a genuine profile.
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


def _from_fields(data: Mapping[str, Any], as_of: datetime) -> dict[str, Any]:
    employer = _text(data, "employer")
    out: dict[str, Any] = {
        "id": _text(data, "id") or _anon_id(data),
        "created_at": _text(data, "created_at", "joined") or as_of - UNKNOWN_AGE,
        "name": _text(data, "name") or "unknown",
        "headline": _text(data, "headline"),
        "location": _text(data, "location"),
        "about": _text(data, "about"),
    }
    if employer:
        out["positions"] = [{"employer": employer, "title": _text(data, "title")}]
    school = _text(data, "school")
    if school:
        out["education"] = [{"school": school}]
    return out


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
