"""Generate docs/format.md from the models, so the documented format is the real one.

``python -m unmask.model.docgen > docs/format.md``; a test fails when the file is out of date.
"""

from __future__ import annotations

import inspect
import json
import types
import typing
from enum import Enum

from pydantic import BaseModel

from unmask.model import enums
from unmask.model.examples import EXAMPLES
from unmask.model.records import FORMAT_VERSION, RECORD_TYPES
from unmask.model.schema import columns, required

_HEAD = f"""# The interchange format (version {FORMAT_VERSION})

unmask reads and writes one record type per file, named after the type: `accounts.jsonl`,
`connections.csv`, `invitations.parquet` (singular stems work too; `.gz` is accepted for JSONL and
CSV). A file whose name is not a record type may hold mixed records if each row carries a
`record_type` field. This page is generated from the models
(`python -m unmask.model.docgen`); a test fails when it is out of date.

- **JSONL**: one JSON object per line, nested fields as JSON.
- **CSV**: a header row with the field names; nested fields (positions, photo, lists, ...) as
  JSON text in the cell; an empty cell means "absent".
- **Parquet**: one column per field; nested fields as JSON text; times as ISO 8601 text.

Times are ISO 8601; a time without a zone is taken as UTC. Career and education dates accept `YYYY`,
`YYYY-MM` or `YYYY-MM-DD`. Unknown fields and unknown enum values are rejected (and quarantined at
ingest) so that a typo is reported rather than silently ignored. Each record has a natural key:
re-ingesting a record with the same key and content adds nothing. An account, organisation or label
whose key is stored with other content is a new version: the store keeps every version with the time
it was observed (the record's own `updated_at` / `at`, else the export time given to `unmask ingest
--observed-at`, else the time of ingest) and shows the latest; content equal to any stored version,
or an older observation, never replaces the current one. For the other types (events: connections,
messages, invitations, ...) the same key with other content is quarantined as a conflicting
duplicate.
"""


def _type_name(annotation: typing.Any) -> str:
    """A readable name for a field annotation: ``list[Position]``, ``datetime | None``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return r" \| ".join(_type_name(a) for a in args)
    if origin is tuple:
        return f"list[{_type_name(args[0])}]"
    if annotation is type(None):
        return "None"
    if isinstance(annotation, type):
        if issubclass(annotation, Enum):
            return f"enum {annotation.__name__}"
        return annotation.__name__
    return str(annotation)


def _model_section(name: str, model: type[BaseModel], example: dict[str, typing.Any] | None) -> str:
    doc = inspect.getdoc(model) or ""
    lines = [f"### `{name}`", "", doc, "", "| field | type | required |", "|---|---|---|"]
    req = required(model)
    for field, info in model.model_fields.items():
        flag = "yes" if field in req else ""
        lines.append(f"| `{field}` | `{_type_name(info.annotation)}` | {flag} |")
    if example is not None:
        lines += ["", "```json", json.dumps(example, indent=2), "```"]
    return "\n".join(lines) + "\n"


def render() -> str:
    from unmask.model.records import AccountStats, Education, PhotoRef, Position, Registration

    parts = [_HEAD, "## Record types\n", "| type | file | key |", "|---|---|---|"]
    keys = {"connection": "`source`+`target` (undirected)", "label": "`account_id`+`source`"}
    for name in RECORD_TYPES:
        parts.append(f"| `{name}` | `{name}s.jsonl` | {keys.get(name, '`id`')} |")
    parts.append("")
    for name, model in RECORD_TYPES.items():
        parts.append(_model_section(name, model, EXAMPLES[name]))
    parts.append("## Nested types\n")
    nested: tuple[type[BaseModel], ...] = (
        PhotoRef,
        Position,
        Education,
        Registration,
        AccountStats,
    )
    for sub in nested:
        parts.append(_model_section(sub.__name__, sub, None))
    parts.append("## Enumerations\n")
    for _, enum in inspect.getmembers(enums, inspect.isclass):
        if issubclass(enum, Enum) and enum.__module__ == enums.__name__:
            values = ", ".join(f"`{m.value}`" for m in enum)
            parts.append(f"- **{enum.__name__}**: {values}")
    parts.append("")
    parts.append("## Flat column kinds\n")
    parts.append(
        "CSV, Parquet and the SQL store flatten each record the same way: "
        "`json` columns hold nested values as JSON text.\n"
    )
    for name, model in RECORD_TYPES.items():
        cols = ", ".join(f"{c}:{k}" for c, k in columns(model).items())
        parts.append(f"- `{name}`: {cols}")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(render(), end="")
