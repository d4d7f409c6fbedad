"""The interchange records (format version 1).

Each record type is a frozen pydantic model. Unknown fields and unknown enum values are rejected so
that a typo in an export is reported rather than silently ignored. ``RECORD_TYPES`` maps the record
type name (also the file stem: ``accounts.jsonl`` holds ``account`` records) to its model.
See docs/format.md for the documentation and an example of every type.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from unmask.model.enums import (
    IndicatorKind,
    InvitationStatus,
    LabelValue,
    ReportReason,
    Sector,
    Tlp,
    ViewSource,
)

FORMAT_VERSION = "1"


def _utc(value: datetime) -> datetime:
    """Naive times are taken as UTC (parsing itself is pydantic's, ISO 8601)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _month(value: Any) -> Any:
    """Accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` for career and education dates."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 4 and text.isdigit():
            return date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit():
            return date(int(text[:4]), int(text[5:]), 1)
    if isinstance(value, datetime):
        return value.date()
    return value


Timestamp = Annotated[datetime, AfterValidator(_utc)]
MonthDate = Annotated[date, BeforeValidator(_month)]
Id = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(max_length=20_000)]


class RecordBase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)
    record_type: ClassVar[str]

    def key(self) -> str:
        """The natural key: re-ingesting a record with the same key adds nothing."""
        return str(getattr(self, "id"))  # noqa: B009 - every keyed record has an id


class PhotoRef(BaseModel):
    """A reference to a profile photo: where it is and, when known, its perceptual hashes."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    uri: str | None = None
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    pdq: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    phash: str | None = Field(default=None, pattern=r"^[0-9a-f]{16}$")


class Position(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)
    employer: Annotated[str, Field(min_length=1, max_length=300)]
    organisation_id: str | None = None
    title: Annotated[str, Field(max_length=300)] = ""
    start: MonthDate | None = None
    end: MonthDate | None = None
    description: Text = ""


class Education(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)
    school: Annotated[str, Field(min_length=1, max_length=300)]
    organisation_id: str | None = None
    degree: str = ""
    field: str = ""
    start: MonthDate | None = None
    end: MonthDate | None = None


class Registration(BaseModel):
    """What the platform saw when the account signed up."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    ip: str | None = None
    user_agent: str | None = None
    email_domain: str | None = None
    country: Annotated[str, Field(min_length=2, max_length=2)] | None = None


class AccountStats(BaseModel):
    """Counts a platform reports for an account when the underlying records are not shared."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    connections: Annotated[int, Field(ge=0)] | None = None
    followers: Annotated[int, Field(ge=0)] | None = None
    following: Annotated[int, Field(ge=0)] | None = None
    posts: Annotated[int, Field(ge=0)] | None = None


class Account(RecordBase):
    """A member account and the profile it shows."""

    record_type: ClassVar[str] = "account"
    id: Id
    created_at: Timestamp
    name: Annotated[str, Field(min_length=1, max_length=300)]
    headline: Annotated[str, Field(max_length=500)] = ""
    location: Annotated[str, Field(max_length=300)] = ""
    about: Text = ""
    photo: PhotoRef | None = None
    positions: tuple[Position, ...] = ()
    education: tuple[Education, ...] = ()
    skills: tuple[str, ...] = ()
    verified_email: bool = False
    verified_phone: bool = False
    verified_workplace: bool = False
    registration: Registration | None = None
    stats: AccountStats | None = None
    language: str | None = None
    updated_at: Timestamp | None = None


class Organisation(RecordBase):
    """An organisation or company page."""

    record_type: ClassVar[str] = "organisation"
    id: Id
    name: Annotated[str, Field(min_length=1, max_length=300)]
    created_at: Timestamp
    sector: Sector = Sector.OTHER
    country: str | None = None
    website: str | None = None
    domain: str | None = None
    size: Annotated[int, Field(ge=0)] | None = None
    verified: bool = False
    description: Text = ""


class Connection(RecordBase):
    """An accepted, undirected connection between two accounts."""

    record_type: ClassVar[str] = "connection"
    source: Id
    target: Id
    created_at: Timestamp

    @model_validator(mode="after")
    def _not_self(self) -> Connection:
        if self.source == self.target:
            raise ValueError("a connection needs two different accounts")
        return self

    def key(self) -> str:
        a, b = sorted((self.source, self.target))
        return f"{a}|{b}"


class Invitation(RecordBase):
    """A connection request with its optional note and what became of it."""

    record_type: ClassVar[str] = "invitation"
    id: Id
    sender: Id
    recipient: Id
    sent_at: Timestamp
    note: Annotated[str, Field(max_length=2_000)] = ""
    status: InvitationStatus = InvitationStatus.PENDING
    responded_at: Timestamp | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Invitation:
        if self.status is InvitationStatus.PENDING and self.responded_at is not None:
            raise ValueError("a pending invitation has no responded_at")
        if self.responded_at is not None and self.responded_at < self.sent_at:
            raise ValueError("responded_at is before sent_at")
        return self


class Message(RecordBase):
    record_type: ClassVar[str] = "message"
    id: Id
    sender: Id
    recipient: Id
    sent_at: Timestamp
    body: Text
    thread_id: str | None = None
    attachments: tuple[str, ...] = ()


class Login(RecordBase):
    record_type: ClassVar[str] = "login"
    id: Id
    account_id: Id
    at: Timestamp
    ip: str
    user_agent: str = ""
    success: bool = True


class Report(RecordBase):
    """A member's report about another account."""

    record_type: ClassVar[str] = "report"
    id: Id
    reporter: Id
    reported: Id
    created_at: Timestamp
    reason: ReportReason
    text: Annotated[str, Field(max_length=5_000)] = ""
    invitation_id: str | None = None
    message_id: str | None = None


class ProfileView(RecordBase):
    """One profile view; ``viewer`` is absent for logged-out views (then ``ip`` matters)."""

    record_type: ClassVar[str] = "profile_view"
    id: Id
    viewer: str | None = None
    viewed: Id
    at: Timestamp
    ip: str | None = None
    source: ViewSource = ViewSource.PROFILE
    query: str | None = None


class Endorsement(RecordBase):
    record_type: ClassVar[str] = "endorsement"
    id: Id
    endorser: Id
    endorsee: Id
    skill: str
    at: Timestamp


class Indicator(RecordBase):
    """A piece of intelligence with provenance, marking and expiry."""

    record_type: ClassVar[str] = "indicator"
    id: Id
    kind: IndicatorKind
    value: Annotated[str, Field(min_length=1, max_length=2_000)]
    source: Annotated[str, Field(min_length=1)]
    created_at: Timestamp
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    tlp: Tlp = Tlp.AMBER
    expires_at: Timestamp | None = None
    description: str = ""
    campaign: str | None = None


class Label(RecordBase):
    """Ground truth or a reviewer's conclusion about an account."""

    record_type: ClassVar[str] = "label"
    account_id: Id
    label: LabelValue
    source: Annotated[str, Field(min_length=1)]
    at: Timestamp
    campaign: str | None = None
    note: str = ""

    def key(self) -> str:
        return f"{self.account_id}|{self.source}"


Record = (
    Account
    | Organisation
    | Connection
    | Invitation
    | Message
    | Login
    | Report
    | ProfileView
    | Endorsement
    | Indicator
    | Label
)

RECORD_TYPES: dict[str, type[RecordBase]] = {
    m.record_type: m
    for m in (
        Account,
        Organisation,
        Connection,
        Invitation,
        Message,
        Login,
        Report,
        ProfileView,
        Endorsement,
        Indicator,
        Label,
    )
}

#: Plural file stems accepted for each record type (``accounts.jsonl`` -> ``account``).
FILE_STEMS: dict[str, str] = {f"{name}s": name for name in RECORD_TYPES} | {
    name: name for name in RECORD_TYPES
}


def record_key(record: RecordBase) -> str:
    return record.key()
