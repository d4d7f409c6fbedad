"""The pure live pipeline for one event: plan -> (windows) -> features -> findings -> decision.

``LiveScorer`` holds the policy and the detectors (the same registered detectors as the nightly
scan, trained artefacts loaded by the caller). Window I/O stays outside: the caller applies
``prepare(event).ops`` to a ``WindowStore`` and hands the answers to ``finish``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from unmask.detectors.base import Detector
from unmask.detectors.cues.finding import cue_finding
from unmask.live.decide import Decision, decide
from unmask.live.directory import Directory
from unmask.live.events import LiveEvent
from unmask.live.features import Plan, features, plan
from unmask.live.signals import outreach_signals, prior_finding, signup_signals, view_signal
from unmask.live.windows import WindowStore
from unmask.model import Account, Finding, Invitation, Message, Snapshot
from unmask.scoring import Policy

log = logging.getLogger(__name__)


def language_findings(
    subject: str, texts: Sequence[str], detectors: Mapping[str, Detector], event: LiveEvent
) -> list[Finding]:
    """Approach language of a note or message: the ``approach_language`` detector when
    registered, else the same cue catalogue read directly (``checker_messages``, the fallback
    the member checker uses): one definition of the cues either way."""
    texts = [t for t in texts if t.strip()]
    if not texts:
        return []
    detector = detectors.get("approach_language")
    if detector is not None:
        msgs = [
            Message(id=f"live-{i}", sender=subject, recipient="live", sent_at=event.at, body=t)
            for i, t in enumerate(texts)
        ]
        try:
            found = detector.detect(Snapshot(messages=msgs, as_of=event.at), [subject])
            if found and found[0].score is not None:
                return found
        except Exception as exc:  # one failing detector must not stop live scoring
            log.warning("live: approach_language failed: %s", exc)
    sources = [(f"live {event.kind} {i + 1}", t) for i, t in enumerate(texts)]
    return [cue_finding("checker_messages", "2", subject, sources)]


class LiveScorer:
    def __init__(self, policy: Policy, detectors: Sequence[Detector] = ()) -> None:
        self.policy = policy
        self.detectors = {d.name: d for d in detectors}

    def prepare(self, event: LiveEvent, directory: Directory) -> Plan:
        return plan(event, directory)

    def _signup_findings(self, account: Account) -> list[Finding]:
        snap = Snapshot(accounts={account.id: account}, as_of=account.created_at)
        out: list[Finding] = []
        for name in self.policy.live.signup_detectors:
            detector = self.detectors.get(name)
            if detector is None:
                continue
            try:
                out.extend(detector.detect(snap, [account.id]))
            except Exception as exc:
                log.warning("live: detector %s failed on a sign-up: %s", name, exc)
        return out

    def findings(self, p: Plan, feats: Mapping[str, float], directory: Directory) -> list[Finding]:
        event, r = p.event, p.event.record
        subject = event.actor
        if isinstance(r, Account):
            return [*self._signup_findings(r), *signup_signals(subject, feats)]
        if event.kind == "profile_view":
            out = [view_signal(subject, feats)]
        else:
            text = r.note if isinstance(r, Invitation) else r.body  # type: ignore[union-attr]
            out = [
                *outreach_signals(subject, event.kind, feats),
                *language_findings(subject, [text], self.detectors, event),
            ]
        if not subject.startswith("ip:"):
            out.append(prior_finding(subject, directory.prior(subject)))
        return out

    def finish(self, p: Plan, answers: list[float], directory: Directory) -> Decision:
        feats = features(p, answers)
        if p.event.kind == "invitation" and "invitations_day" not in feats:  # an outcome
            return decide(p.event, feats, [], self.policy)
        return decide(p.event, feats, self.findings(p, feats, directory), self.policy)

    def score(self, event: LiveEvent, windows: WindowStore, directory: Directory) -> Decision:
        """One event end to end against a window store (the API and tests)."""
        p = self.prepare(event, directory)
        answers, _ = windows.apply(event.key, event.at.timestamp(), p.ops)
        return self.finish(p, answers, directory)
