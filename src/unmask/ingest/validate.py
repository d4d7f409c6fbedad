"""Turn a raw row into a validated record, or into located problems."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from unmask.model.records import RECORD_TYPES, RecordBase


@dataclass(frozen=True, slots=True)
class Problem:
    field: str | None
    message: str


def canonical_json(record: BaseModel) -> bytes:
    """The canonical form of a record: its JSON in field order (the models fix the order)."""
    return record.model_dump_json().encode()


def digest_of(canonical: bytes) -> str:
    return hashlib.blake2b(canonical, digest_size=16).hexdigest()


def content_hash(record: BaseModel) -> str:
    """The content hash every writer stores, so ingest recognises records written elsewhere."""
    return digest_of(canonical_json(record))


def validate_row(data: dict[str, Any], kind: str | None) -> tuple[RecordBase | None, list[Problem]]:
    """Validate one row; ``kind`` comes from the file name, or from the row's ``record_type``."""
    row_kind = data.pop("record_type", None)
    if kind is None:
        kind = row_kind if isinstance(row_kind, str) else None
        if kind is None:
            return None, [
                Problem(
                    "record_type",
                    "unknown record type: name the file after it "
                    "(accounts.jsonl) or give each row a record_type",
                )
            ]
    elif row_kind is not None and row_kind != kind:
        return None, [Problem("record_type", f"row says {row_kind!r} in a file of {kind!r}")]
    model = RECORD_TYPES.get(kind)
    if model is None:
        return None, [
            Problem(
                "record_type",
                f"unknown record type {kind!r}; known: {', '.join(sorted(RECORD_TYPES))}",
            )
        ]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = ".".join(str(p) for p in err["loc"]) or None
            problems.append(Problem(loc, err["msg"]))
        return None, problems
