"""The live features: one definition, used by the online path, the stream workers and the batch.

``plan(event, directory)`` turns an event into window ops (``unmask.live.windows``) and the
features that need no state; ``features(plan, answers)`` names the window answers. The batch
replays stored events through the same two functions (``unmask.live.replay``), so a feature cannot
mean one thing at night and another at sign-up.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from unmask.live.directory import Directory
from unmask.live.events import LiveEvent
from unmask.live.windows import Op, OpKind
from unmask.model import Account, Invitation, Message, ProfileView
from unmask.model.enums import InvitationStatus, ViewSource

FEATURES_VERSION = "1"
MINUTE, HOUR, DAY, WEEK = 60.0, 3600.0, 86_400.0, 7 * 86_400.0

# The registration /24, as the batch SQL defines it (detectors/network/sql_base.py: ``subnet``).
_SUBNET = re.compile(r"^([0-9]+\.[0-9]+\.[0-9]+)\.")
_TRAILING_NUMBER = re.compile(r"(\d{1,15})$")


def subnet(ip: str | None) -> str | None:
    m = _SUBNET.match(ip or "")
    return m.group(1) if m else None


def id_number(account_id: str) -> int | None:
    """The number at the end of an id (``m000123`` -> 123): enumeration walks these."""
    m = _TRAILING_NUMBER.search(account_id)
    return int(m.group(1)) if m else None


@dataclass
class Plan:
    event: LiveEvent
    ops: list[Op] = field(default_factory=list)
    names: list[str | None] = field(default_factory=list)
    static: dict[str, float] = field(default_factory=dict)

    def add(
        self, name: str | None, kind: OpKind, key: str, member: str = "", window: float = 0.0
    ) -> int:
        self.ops.append(Op(kind, key, member, window))
        self.names.append(name)
        return len(self.ops) - 1

    def add_when(self, name: str, cond: int, key: str, member: str, window: float) -> int:
        self.ops.append(Op("zadd", key, member, window, when=cond))
        self.names.append(name)
        return len(self.ops) - 1


def _signup(p: Plan, a: Account) -> None:
    reg = a.registration
    net = subnet(reg.ip if reg else None)
    if reg is None or net is None:
        return
    p.add("signups_subnet_day", "zadd", f"su:{net}", a.id, DAY)
    p.add("signups_subnet_hour", "zcount", f"su:{net}", "", HOUR)
    if reg.email_domain:
        p.add(
            "signups_subnet_domain_day", "zadd", f"sud:{net}|{reg.email_domain.lower()}", a.id, DAY
        )
    if reg.user_agent:
        agent = hashlib.blake2b(reg.user_agent.encode(), digest_size=8).hexdigest()
        p.add("signups_subnet_agent_day", "zadd", f"sua:{net}|{agent}", a.id, DAY)


def _invitation(p: Plan, inv: Invitation, directory: Directory) -> None:
    s = inv.sender
    if inv.status is not InvitationStatus.PENDING:  # an outcome: count it, score nothing
        answered = inv.status in (InvitationStatus.ACCEPTED, InvitationStatus.IGNORED)
        p.add("responded", "hincr", f"invr:{s}", "responded", 1.0 if answered else 0.0)
        accepted = inv.status is InvitationStatus.ACCEPTED
        p.add("accepted", "hincr", f"invr:{s}", "accepted", 1.0 if accepted else 0.0)
        return
    p.add("invitations_day", "zadd", f"inv:{s}", inv.id, DAY)
    p.add("invitations_hour", "zcount", f"inv:{s}", "", HOUR)
    p.add("distinct_targets_week", "zadd", f"invt:{s}", inv.recipient, WEEK)
    _targets(p, "inv", s, inv.recipient, directory, WEEK)
    p.add("responded", "hincr", f"invr:{s}", "responded", 0.0)
    p.add("accepted", "hincr", f"invr:{s}", "accepted", 0.0)
    p.static["note_chars"] = float(len(inv.note))


def _targets(p: Plan, tag: str, actor: str, target: str, d: Directory, window: float) -> None:
    """Sensitive-sector and same-organisation counts of distinct targets."""
    m = d.member(target)
    sensitive = m is not None and m.sensitive
    p.static["target_sensitive"] = 1.0 if sensitive else 0.0
    key = f"{tag}x:{actor}"
    if sensitive:
        p.add("sensitive_targets", "zadd", key, target, window)
    else:
        p.add("sensitive_targets", "zcount", key, "", window)
    if m is not None and m.organisation:
        p.add("same_org_targets", "zadd", f"{tag}o:{actor}:{m.organisation}", target, window)


def _message(p: Plan, msg: Message, directory: Directory) -> None:
    s = msg.sender
    p.add("messages_day", "zadd", f"msg:{s}", msg.id, DAY)
    p.add("messages_hour", "zcount", f"msg:{s}", "", HOUR)
    p.add("distinct_recipients_day", "zadd", f"msgt:{s}", msg.recipient, DAY)
    _targets(p, "msg", s, msg.recipient, directory, WEEK)
    p.static["attachments"] = float(len(msg.attachments))


def _view(p: Plan, v: ProfileView, directory: Directory) -> None:
    a = p.event.actor
    p.static["logged_out"] = 1.0 if v.viewer is None else 0.0
    p.add("views_hour", "zadd", f"pv:{a}", v.id, HOUR)
    p.add("views_minute", "zcount", f"pv:{a}", "", MINUTE)
    p.add("distinct_viewed_hour", "zadd", f"pvd:{a}", v.viewed, HOUR)
    if v.source is ViewSource.SEARCH:
        p.add("search_views_hour", "zadd", f"pvs:{a}", v.id, HOUR)
    else:
        p.add("search_views_hour", "zcount", f"pvs:{a}", "", HOUR)
    n = id_number(v.viewed)
    if n is not None:
        near = p.add(None, "near", f"pvn:{a}", str(n), HOUR)
        p.add_when("sequential_views_hour", near, f"pvq:{a}", v.id, HOUR)
    else:
        p.add("sequential_views_hour", "zcount", f"pvq:{a}", "", HOUR)
    _targets(p, "pv", a, v.viewed, directory, HOUR)


def plan(event: LiveEvent, directory: Directory) -> Plan:
    p = Plan(event)
    r = event.record
    if isinstance(r, Account):
        _signup(p, r)
    elif isinstance(r, Invitation):
        _invitation(p, r, directory)
    elif isinstance(r, Message):
        _message(p, r, directory)
    else:
        _view(p, r, directory)
    return p


def features(p: Plan, answers: list[float]) -> dict[str, float]:
    """The named features of one event, from its plan and the window answers."""
    out = dict(p.static)
    for name, value in zip(p.names, answers, strict=True):
        if name is not None:
            out[name] = float(value)
    return out
