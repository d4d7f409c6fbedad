"""Live events: a sign-up, an invitation, a message or a profile view, as it happens.

On a stream an event is JSON ``{"kind": ..., "record": {...}}`` with the record in the interchange
format (docs/format.md); the HTTP endpoints take the record alone. ``parse_event`` validates fully
before anything is written and raises ``EventError`` with a readable message. The event key is the
record's natural key (an invitation's status is part of it: its outcome arrives as a later event).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import orjson
from pydantic import ValidationError

from unmask.model import Account, Invitation, Message, ProfileView
from unmask.model.records import RecordBase

Kind = Literal["signup", "invitation", "message", "profile_view"]
MODELS: dict[str, type[RecordBase]] = {
    "signup": Account,
    "invitation": Invitation,
    "message": Message,
    "profile_view": ProfileView,
}


class EventError(ValueError):
    """An event that cannot be scored; ``problems`` lists field paths and messages."""

    def __init__(self, message: str, problems: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True, slots=True)
class LiveEvent:
    kind: Kind
    record: Account | Invitation | Message | ProfileView

    @property
    def key(self) -> str:
        if isinstance(self.record, Invitation):
            return f"invitation:{self.record.id}:{self.record.status.value}"
        return f"{self.kind}:{self.record.key()}"

    @property
    def at(self) -> datetime:
        r = self.record
        if isinstance(r, Account):
            return r.created_at
        if isinstance(r, ProfileView):
            return r.at
        if isinstance(r, Invitation) and r.responded_at is not None:
            return r.responded_at
        return r.sent_at

    @property
    def actor(self) -> str:
        """Who acted: the account, the sender, the viewer or ``ip:<address>`` when logged out."""
        r = self.record
        if isinstance(r, Account):
            return r.id
        if isinstance(r, ProfileView):
            return r.viewer or f"ip:{r.ip or 'unknown'}"
        return r.sender

    @property
    def target(self) -> str | None:
        r = self.record
        if isinstance(r, Invitation | Message):
            return r.recipient
        if isinstance(r, ProfileView):
            return r.viewed
        return None


def record_event(kind: str, data: Any) -> LiveEvent:
    """Validate one record of ``kind`` (a mapping) into an event."""
    model = MODELS.get(kind)
    if model is None:
        raise EventError(f"unknown event kind {kind!r}; known: {', '.join(MODELS)}")
    if not isinstance(data, dict):
        raise EventError(f"a {kind} event's record must be a JSON object")
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        problems = [
            {"field": ".".join(str(p) for p in e["loc"]) or "(record)", "message": e["msg"]}
            for e in exc.errors(include_url=False)
        ]
        first = problems[0]
        raise EventError(
            f"invalid {kind}: {first['field']}: {first['message']}", problems
        ) from None
    return LiveEvent(kind, record)  # type: ignore[arg-type]


def parse_event(raw: bytes | str | dict[str, Any]) -> LiveEvent:
    """An envelope ``{"kind": ..., "record": {...}}`` from a stream, validated."""
    if isinstance(raw, bytes | str):
        try:
            raw = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise EventError(f"not JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise EventError("an event is a JSON object with 'kind' and 'record'")
    extra = set(raw) - {"kind", "record"}
    if extra:
        raise EventError(f"unexpected envelope field(s): {', '.join(sorted(extra))}")
    if "kind" not in raw or "record" not in raw:
        raise EventError("an event needs both 'kind' and 'record'")
    return record_event(str(raw["kind"]), raw["record"])


def envelope(event: LiveEvent) -> bytes:
    """The stream form of an event (inverse of ``parse_event``)."""
    record = event.record.model_dump(mode="json", exclude_none=True)
    return orjson.dumps({"kind": event.kind, "record": record})
