"""Enforcement: restrict, remove, sever from members' networks, notify contacted members and
publish indicators, through an injected executor and channel (with in-memory twins)."""

from unmask.actions.executor import Executor, InMemoryExecutor, Severed
from unmask.actions.notify import Channel, MemoryChannel, Notice, OutboxChannel, WebhookChannel
from unmask.actions.store_executor import StoreExecutor

__all__ = [
    "Channel",
    "Executor",
    "InMemoryExecutor",
    "MemoryChannel",
    "Notice",
    "OutboxChannel",
    "Severed",
    "StoreExecutor",
    "WebhookChannel",
]
