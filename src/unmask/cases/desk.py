"""The desk as the server and the CLI build it from the environment."""

from __future__ import annotations

import os
from pathlib import Path

from unmask.actions import StoreExecutor
from unmask.actions.enforce import Effects
from unmask.actions.notify import channel_from_env
from unmask.cases.service import Desk
from unmask.scoring import Policy, load_policy
from unmask.store import Store


def make_desk(store: Store, policy: Policy | None = None) -> Desk:
    """The policy given, else ``UNMASK_POLICY`` (else the shipped one); the store as the
    platform; notifications through ``UNMASK_NOTIFY_WEBHOOK`` when set (else the outbox)."""
    if policy is None:
        path = os.environ.get("UNMASK_POLICY")
        policy = load_policy(Path(path) if path else None)
    return Desk(store, policy, Effects(StoreExecutor(store), channel_from_env()))
