"""Event streams for the worker tests: valid events of every kind plus a few invalid ones."""

from __future__ import annotations

from tests.live.world import MEMBERS, events, invitation, message, signup, view

from unmask.live.events import envelope

INVALID: tuple[bytes, ...] = (
    b"{not json",
    b'{"kind": "telepathy", "record": {}}',
    b'{"kind": "invitation", "record": {"id": "bad1"}}',
    b'{"kind": "message", "record": {"id": "m", "sender": "a", "recipient": "a"}, "x": 1}',
    b'["a list"]',
    b'{"kind": "signup", "record": {"id": "s", "name": "N", "created_at": "soon"}}',
    b"",
)
SENDERS = ("x-alpha", "x-beta", "x-gamma")
PER_SENDER = 120


def stream() -> tuple[list[bytes], int]:
    """(payloads in order, number of valid events). All invitations of a sender fall in one hour."""
    recs: list = []  # type: ignore[type-arg]
    for k in range(PER_SENDER):
        for s_i, sender in enumerate(SENDERS):
            target = MEMBERS[(k * 3 + s_i) % len(MEMBERS)].id
            recs.append(invitation(k * 10 + s_i, sender, target, minutes=k * 0.4))
    recs += [message(i, "x-alpha", MEMBERS[i].id, "Hello there", minutes=i) for i in range(40)]
    recs += [view(i, None, MEMBERS[i].id, seconds=i, ip="192.0.2.77") for i in range(60)]
    recs += [signup(i, at=MEMBERS[0].created_at) for i in range(20)]
    payloads = [envelope(e) for e in events(recs)]
    for j, bad in enumerate(INVALID):  # interleave the invalid ones
        payloads.insert(50 * j + 7, bad)
    return payloads, len(recs)
