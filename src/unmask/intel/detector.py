"""``intel_match``: an account matches intelligence (names fuzzily, photos by PDQ distance,
e-mails, phones, domains, URLs, companies, IP ranges, phrases).

Matches the snapshot's active indicators against each account's profile, the notes and messages
it sent and its login addresses. Abstains when there is no active indicator to match against.
The same matching runs over the whole store when new intelligence arrives (``unmask intel
import``: retro-matching).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from unmask.detectors.base import subjects_of
from unmask.intel.evidence import NAME, VERSION, by_subject, finding_for
from unmask.intel.matching import Matcher
from unmask.intel.observe import snapshot_observables
from unmask.model import Finding, Snapshot


class IntelMatch:
    name: ClassVar[str] = NAME
    version: ClassVar[str] = VERSION
    needs: ClassVar[frozenset[str]] = frozenset(
        {"account", "indicator", "organisation", "invitation", "message", "login"}
    )
    description: ClassVar[str] = (
        "Matches intelligence (indicators) against profiles, messages and logins."
    )

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        wanted = list(subjects_of(snapshot, subjects))
        matcher = Matcher(snapshot.indicators, snapshot.as_of)
        if not len(matcher):
            return [
                Finding.abstain(self.name, self.version, s, "no active indicators to match")
                for s in wanted
            ]
        known = [s for s in wanted if s in snapshot.accounts]
        hits = by_subject(matcher.match(snapshot_observables(snapshot, known)))
        return [
            finding_for(s, hits.get(s, []))
            if s in snapshot.accounts
            else Finding.abstain(self.name, self.version, s, "unknown account")
            for s in wanted
        ]
