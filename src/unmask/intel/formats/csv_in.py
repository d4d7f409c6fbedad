"""Plain CSV in: one indicator per row, a header naming the columns.

``kind`` and ``value`` are required; ``source``, ``confidence``, ``tlp``, ``created_at``,
``expires_at``, ``campaign``, ``description`` and ``id`` are optional (empty cells mean the
default). Every row is reported: imported with its indicator, or rejected with line and reason.
An unknown column is reported once and ignored.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from pydantic import ValidationError

from unmask.intel.formats.result import Outcome, ParseResult, Status
from unmask.intel.indicators import dedupe, make_indicator

COLUMNS = (
    "kind",
    "value",
    "source",
    "confidence",
    "tlp",
    "created_at",
    "expires_at",
    "campaign",
    "description",
    "id",
)
REQUIRED = ("kind", "value")


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def parse_csv(data: bytes | str, *, name: str, source: str, now: datetime) -> ParseResult:
    result = ParseResult()
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        result.add(Outcome(name, "file", None, Status.REJECTED, f"not UTF-8 text: {exc}"))
        return result
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        msg = f"missing column(s) {', '.join(missing)}; the header is: {', '.join(header)}"
        result.add(Outcome(name, "file", None, Status.REJECTED, msg))
        return result
    for extra in (h for h in header if h not in COLUMNS):
        result.add(Outcome(name, "column", extra, Status.SKIPPED, "unknown column, ignored"))
    made = []
    for row in reader:
        line = reader.line_num
        where = f"{name} line {line}"
        cells = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
        if None in row:
            result.add(Outcome(where, "csv-row", None, Status.REJECTED, "more cells than columns"))
            continue
        try:
            ind = make_indicator(
                cells["kind"],
                cells["value"],
                cells.get("source") or source,
                _time(cells["created_at"]) if cells.get("created_at") else now,
                confidence=float(cells["confidence"]) if cells.get("confidence") else 0.5,
                tlp=cells.get("tlp", "").casefold().removeprefix("tlp:") or "amber",
                expires_at=_time(cells["expires_at"]) if cells.get("expires_at") else None,
                description=cells.get("description", ""),
                campaign=cells.get("campaign") or None,
                id=cells.get("id") or None,
            )
        except ValidationError as exc:
            errs = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            result.add(Outcome(where, "csv-row", cells.get("id"), Status.REJECTED, errs))
            continue
        except ValueError as exc:
            result.add(Outcome(where, "csv-row", cells.get("id"), Status.REJECTED, str(exc)))
            continue
        made.append(ind)
        result.add(Outcome(where, "csv-row", ind.id, Status.IMPORTED, "", 1))
    result.indicators.extend(dedupe(made))
    return result
