"""Exchange formats, pure (no database or network): STIX 2.0/2.1, MISP and CSV in; STIX 2.1 and
MISP out. ``parse_file`` picks the parser from the content."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import orjson

from unmask.intel.formats.result import Outcome, ParseResult, Status

__all__ = ["Outcome", "ParseResult", "Status", "detect_format", "parse_bytes"]


def detect_format(name: str, data: bytes) -> str:
    """``stix``, ``misp`` or ``csv``: by suffix, then by content for JSON files."""
    if name.lower().endswith((".csv", ".tsv")):
        return "csv"
    try:
        doc = orjson.loads(data)
    except ValueError:
        return "stix"  # reported as unreadable STIX, object by object there is nothing
    if isinstance(doc, dict) and ("Event" in doc or "response" in doc):
        return "misp"
    if isinstance(doc, dict) and "type" not in doc and ("Attribute" in doc or "info" in doc):
        return "misp"
    if isinstance(doc, list) and doc and isinstance(doc[0], dict) and "Event" in doc[0]:
        return "misp"
    return "stix"


def parse_bytes(
    name: str,
    data: bytes,
    *,
    source: str,
    now: datetime,
    fmt: str | None = None,
    known: Mapping[str, Mapping[str, Any]] | None = None,
) -> ParseResult:
    from unmask.intel.formats.csv_in import parse_csv
    from unmask.intel.formats.misp import parse_misp
    from unmask.intel.formats.stix_in import parse_stix

    kind = fmt or detect_format(name, data)
    if kind == "csv":
        return parse_csv(data, name=name, source=source, now=now)
    if kind == "misp":
        return parse_misp(data, name=name, source=source, now=now)
    return parse_stix(data, name=name, source=source, now=now, known=known)
