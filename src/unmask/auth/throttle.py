"""Sign-in throttling: per account and per peer, for the console form and HTTP Basic alike.

After ``free`` failures inside ``window`` seconds a key (an account name, or a peer address) is
locked; each further failure doubles the lock, up to ``max_lock``. While a key is locked every
attempt is refused *before* the password is checked, so the right password does not get through
a guessing run, and the slow Argon2 check is not spent on it. A success clears the account's
failures (not the peer's). Memory is bounded: at most ``max_keys`` keys, the stalest dropped first.
Pure and clock-injected; one instance per server process.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _State:
    failures: list[float]
    locked_until: float = 0.0
    lock: float = 0.0


@dataclass(frozen=True, slots=True)
class Limits:
    free: int
    window: float
    first_lock: float
    max_lock: float


ACCOUNT = Limits(free=5, window=900.0, first_lock=30.0, max_lock=900.0)
PEER = Limits(free=20, window=900.0, first_lock=60.0, max_lock=3600.0)


class LoginThrottle:
    def __init__(
        self,
        account: Limits = ACCOUNT,
        peer: Limits = PEER,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 50_000,
    ) -> None:
        self.limits = {"account": account, "peer": peer}
        self.clock = clock
        self.max_keys = max_keys
        self._keys: OrderedDict[tuple[str, str], _State] = OrderedDict()

    @staticmethod
    def _keys_of(account: str | None, peer: str) -> list[tuple[str, str]]:
        keys = [("peer", peer)]
        if account is not None:  # None: an API token, which names no account
            keys.append(("account", account.lower()))
        return keys

    def retry_after(self, account: str | None, peer: str) -> float:
        """Seconds until an attempt for ``account`` from ``peer`` may be tried; 0 when it may."""
        now = self.clock()
        waits = [
            state.locked_until - now
            for key in self._keys_of(account, peer)
            if (state := self._keys.get(key)) is not None
        ]
        return max([0.0, *waits])

    def failed(self, account: str | None, peer: str) -> None:
        now = self.clock()
        for kind, name in self._keys_of(account, peer):
            limits = self.limits[kind]
            state = self._get((kind, name))
            state.failures = [t for t in state.failures if now - t < limits.window] + [now]
            if len(state.failures) > limits.free:
                state.lock = min(limits.max_lock, state.lock * 2 or limits.first_lock)
                state.locked_until = now + state.lock

    def succeeded(self, account: str) -> None:
        self._keys.pop(("account", account.lower()), None)

    def _get(self, key: tuple[str, str]) -> _State:
        state = self._keys.get(key)
        if state is None:
            state = self._keys[key] = _State([])
            while len(self._keys) > self.max_keys:
                self._keys.popitem(last=False)
        else:
            self._keys.move_to_end(key)
        return state
