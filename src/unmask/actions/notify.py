"""Telling members that an account which contacted them was removed: plain guidance, kept as
notification records and sent through a pluggable channel (an outbox the platform reads, a
webhook for platforms, or a memory twin for tests)."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import asdict, dataclass, field
from typing import Protocol

import httpx
import orjson

from unmask.settings import Settings, secret


@dataclass(frozen=True)
class Notice:
    member: str
    about: str  # the removed account
    title: str
    body: str
    case_id: int | None = None


def guidance(member_name: str, persona_name: str, contact: str) -> tuple[str, str]:
    """The message a contacted member reads. ``contact`` says how they were approached."""
    how = {
        "invitation": "sent you a connection request",
        "message": "sent you messages",
        "both": "sent you a connection request and messages",
    }.get(contact, "contacted you")
    title = "An account that contacted you has been removed"
    body = (
        f"Hello {member_name},\n\n"
        f'The account "{persona_name}" {how}. Our review found it was a fake profile, and we '
        "have removed it and taken it out of every member's network.\n\n"
        "What to do now:\n"
        "- You do not need to do anything about the account itself: it is gone.\n"
        "- If you moved the conversation elsewhere (e-mail, a messaging app, a phone call), stop "
        "replying and do not open files or links it sent.\n"
        "- If you shared documents, your CV, project details or colleagues' names, or agreed to "
        "paid work or travel, tell your organisation's security team today.\n"
        "- Be wary of new approaches that flatter you or offer well-paid reports or consulting.\n\n"
        "Recognise, realise, report, remove: you can report any profile that worries you from "
        "its page."
    )
    return title, body


class Channel(Protocol):
    name: str

    def send(self, notice: Notice) -> None:
        """Deliver one notice; raise on failure (the record keeps the error)."""


class OutboxChannel:
    """Delivery by the platform, which reads the notification records (the default)."""

    name = "outbox"

    def send(self, notice: Notice) -> None:
        return None


@dataclass
class MemoryChannel:
    sent: list[Notice] = field(default_factory=list)
    name: str = "memory"

    def send(self, notice: Notice) -> None:
        self.sent.append(notice)


class WebhookChannel:
    """POSTs each notice as JSON to a platform's endpoint, signed with HMAC-SHA256 when a secret
    is set (header ``X-Unmask-Signature: sha256=<hex>``). Pass an ``httpx.Client`` with a
    ``MockTransport`` to test without a network."""

    name = "webhook"

    def __init__(
        self, url: str, secret: str | None = None, client: httpx.Client | None = None
    ) -> None:
        self.url, self.secret = url, secret
        self.client = client or httpx.Client(timeout=10.0)

    def send(self, notice: Notice) -> None:
        body = orjson.dumps({"type": "member_notice", **asdict(notice)})
        headers = {"content-type": "application/json"}
        if self.secret:
            mac = hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()
            headers["x-unmask-signature"] = f"sha256={mac}"
        response = self.client.post(self.url, content=body, headers=headers)
        response.raise_for_status()


def channel_for(settings: Settings) -> Channel:
    """``UNMASK_NOTIFY_WEBHOOK`` (and ``UNMASK_NOTIFY_SECRET``) select the webhook channel."""
    if settings.notify_webhook:
        return WebhookChannel(settings.notify_webhook, secret(settings.notify_secret))
    return OutboxChannel()
