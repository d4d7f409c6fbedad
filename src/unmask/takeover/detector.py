"""``account_takeover``: logins that look like someone else getting into the account.

Scores the *account owner's* risk of being taken over (not that the account is fake): password
spraying or brute force from an address that then got in, credential stuffing (many addresses
failing on the account), impossible travel between successful logins. Needs ``login`` records;
abstains without them. Signals are defined once in ``unmask.takeover.signals``; geolocation uses
the built-in documentation-range table unless an operator supplies a database (see
``unmask.takeover.geo``). Each finding's ``member_text`` becomes the member alert.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.model import Evidence, Finding, Login, Snapshot
from unmask.takeover.geo import GeoLookup, default_lookup
from unmask.takeover.signals import (
    Thresholds,
    brute_force,
    impossible_travel,
    spraying_ips,
    stuffing_accounts,
    success_after,
)


class AccountTakeover:
    name: ClassVar[str] = "account_takeover"
    version: ClassVar[str] = "1"
    needs: ClassVar[frozenset[str]] = frozenset({"login"})
    description: ClassVar[str] = (
        "Spraying, brute force, credential stuffing and impossible travel in an account's logins."
    )

    def __init__(self, thresholds: Thresholds | None = None, geo: GeoLookup | None = None) -> None:
        self.thresholds = thresholds
        self.geo = geo

    def _evidence(
        self, logins: Sequence[Login], sprayers: dict[str, int], stuffed: int | None
    ) -> list[Evidence]:
        t = self.thresholds or Thresholds()
        out: list[Evidence] = []
        hit = sorted({x.ip for x in logins if not x.success} & set(sprayers))
        forced = brute_force(logins, t)
        attackers = set(hit) | set(forced)
        if stuffed:
            attackers |= {x.ip for x in logins if not x.success}
        entered = success_after(logins, attackers)
        if hit:
            most = max(sprayers[i] for i in hit)
            text = f"failed logins from {', '.join(hit[:3])}, which tried {most} accounts"
            out.append(
                Evidence(
                    text,
                    0.3,
                    "someone tried to sign in to many accounts, including yours",
                    (),
                    {"signal": "spraying", "ips": hit[:20]},
                )
            )
        if forced:
            ip, n = max(forced.items(), key=lambda kv: (kv[1], kv[0]))
            out.append(
                Evidence(
                    f"{n} failed logins from {ip}",
                    0.3,
                    "many wrong passwords were tried on your account",
                    (),
                    {"signal": "brute_force", "ips": sorted(forced)[:20]},
                )
            )
        if stuffed:
            out.append(
                Evidence(
                    f"failed logins from {stuffed} addresses within {t.window}",
                    0.4,
                    "sign-ins to your account were tried from many places at once",
                    (),
                    {"signal": "stuffing"},
                )
            )
        if entered is not None:
            out.append(
                Evidence(
                    f"successful login {entered.id} from {entered.ip} after its failures",
                    0.85,
                    "a sign-in succeeded from an address that had been guessing passwords",
                    (),
                    {"signal": "entered", "login": entered.id},
                )
            )
        geo = self.geo or default_lookup()
        for tr in impossible_travel(logins, geo, t)[:3]:
            a, b = tr.where_first.country, tr.where_second.country
            text = f"logins from {a} and {b} {tr.km:.0f} km apart at {tr.kmh:.0f} km/h"
            member = (
                f"your account was used from {a} and {b} too close together in time "
                "to be one person travelling"
            )
            out.append(
                Evidence(
                    text,
                    0.6,
                    member,
                    (),
                    {"signal": "impossible_travel", "logins": [tr.first.id, tr.second.id]},
                )
            )
        return out

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        t = self.thresholds or Thresholds()
        sprayers = spraying_ips(snapshot.logins, t)
        stuffed = stuffing_accounts(snapshot.logins, t)
        out: list[Finding] = []
        for subject in subjects_of(snapshot, subjects):
            logins = snapshot.logins_by_account.get(subject, ())
            if not logins:
                out.append(Finding.abstain(self.name, self.version, subject, "no logins"))
                continue
            evidence = self._evidence(logins, sprayers, stuffed.get(subject))
            if not evidence:
                ok = Evidence(f"{len(logins)} logins, nothing unusual")
                out.append(Finding(self.name, self.version, subject, 0.0, (ok,)))
                continue
            survive = 1.0
            for e in evidence:
                survive *= 1.0 - e.weight
            score = round(1.0 - survive, 6)
            out.append(Finding(self.name, self.version, subject, score, tuple(evidence)))
        return out
