"""The desk as the server and the CLI build it from the settings."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from unmask.actions import Executor, StoreExecutor
from unmask.actions.enforce import Effects
from unmask.actions.notify import channel_for
from unmask.cases.service import Desk
from unmask.scoring import Policy, resolve_policy
from unmask.store import Store


def make_desk(
    store: Store,
    policy: Policy | None = None,
    executors: Mapping[str, Callable[[Any], Executor]] | None = None,
) -> Desk:
    """The policy given, else the settings' (``UNMASK_POLICY``, else the shipped one); the
    executor named by ``UNMASK_EXECUTOR`` among the plugins' ``executors`` (default: the store
    as the platform); notifications through ``UNMASK_NOTIFY_WEBHOOK`` when set (else the
    outbox)."""
    policy = policy or resolve_policy(store.settings)
    name = store.settings.executor
    factories = executors if executors is not None else {"store": StoreExecutor}
    if name not in factories:
        known = ", ".join(sorted(factories))
        raise ValueError(f"UNMASK_EXECUTOR={name!r}: no such executor (plugins offer: {known})")
    return Desk(store, policy, Effects(factories[name](store), channel_for(store.settings)))
