"""``trust_propagation``: little trust reaches the account from verified members (SybilRank).

Trust starts on the accounts a platform has verified (workplace, or e-mail and phone), flows along
connections for ``ceil(log2 n)`` steps and is divided by each account's degree; fake accounts,
joined to real members by few connections, receive little (Cao et al., NSDI 2012). By default
(``weighting="auto"``) the weighting is chosen from the graph itself: where it is clustered
(estimated global clustering at least ``graph.auto.CLUSTERED``) each connection is weighted by
``(1 + common neighbours)^2`` (``"embedded"``), elsewhere the plain algorithm runs
(``"sybilrank"``); ``"similarity"`` is the older ``1 + common neighbours`` weighting divided by
weighted degree. Confirmed fakes (``known_fakes``, plus by default every account whose latest
label in the snapshot is ``fake``: reviewer decisions and ingested labels) are seeds of distrust,
which raises suspicion only near them. The score is the share of connected accounts that look
less suspicious (rank-normalised). Accounts with no connection abstain.
See docs/trust-propagation.md for the algorithms and what they achieve on real graphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

import numpy as np

from unmask.detectors.base import subjects_of
from unmask.detectors.graph.auto import auto_suspicion
from unmask.detectors.graph.build import SnapshotGraph, snapshot_graph, trusted
from unmask.detectors.graph.propagation import default_iterations, propagate, rank_scores
from unmask.detectors.graph.weights import edge_weights
from unmask.model import Evidence, Finding, Snapshot
from unmask.model.enums import InvitationStatus, LabelValue

Weighting = Literal["auto", "embedded", "similarity", "sybilrank"]


def confirmed_fakes(snapshot: Snapshot) -> list[str]:
    """Accounts whose latest label (by time; any source) says ``fake``, sorted."""
    latest: dict[str, tuple[str, bool]] = {}
    for label in snapshot.labels:
        stamp = label.at.isoformat()
        if label.account_id not in latest or stamp >= latest[label.account_id][0]:
            latest[label.account_id] = (stamp, label.label is LabelValue.FAKE)
    return sorted(a for a, (_, fake) in latest.items() if fake)


class TrustPropagation:
    name: ClassVar[str] = "trust_propagation"
    version: ClassVar[str] = "3"
    needs: ClassVar[frozenset[str]] = frozenset({"account", "connection", "invitation", "label"})
    description: ClassVar[str] = (
        "Little trust reaches the account from verified members through the connection graph."
    )

    def __init__(
        self,
        weighting: Weighting = "auto",
        iterations: int | None = None,
        known_fakes: Sequence[str] = (),
        use_labels: bool = True,
    ) -> None:
        self.weighting = weighting
        self.iterations = iterations
        self.known_fakes = tuple(known_fakes)
        self.use_labels = use_labels

    def detect(self, snapshot: Snapshot, subjects: Sequence[str] | None = None) -> list[Finding]:
        graph = snapshot_graph(snapshot)
        seeds = [
            graph.index[a.id]
            for a in snapshot.accounts.values()
            if trusted(a) and a.id in graph.index
        ]
        out: list[Finding] = []
        scored: dict[str, Finding] = self._score(snapshot, graph, seeds) if seeds else {}
        for subject in subjects_of(snapshot, subjects):
            if subject in scored:
                out.append(scored[subject])
            elif subject not in graph.index:
                out.append(Finding.abstain(self.name, self.version, subject, "no connections"))
            else:
                reason = "no verified account in the connection graph to seed trust from"
                out.append(Finding.abstain(self.name, self.version, subject, reason))
        return out

    def _score(
        self, snapshot: Snapshot, graph: SnapshotGraph, seeds: list[int]
    ) -> dict[str, Finding]:
        steps = self.iterations or default_iterations(len(graph.ids))
        known = set(self.known_fakes) | set(confirmed_fakes(snapshot) if self.use_labels else ())
        fakes = sorted(graph.index[a] for a in known if a in graph.index)
        used: str = self.weighting
        clustering: float | None = None
        if self.weighting == "similarity":
            weights = edge_weights(graph.adj, similarity=True)
            trust = np.log(propagate(weights, seeds, steps) + 1e-300)
        else:
            suspicion, choice, steps = auto_suspicion(
                graph.adj, seeds, fakes, weighting=self.weighting, iterations=self.iterations
            )
            trust, used, clustering = -suspicion, choice.weighting, choice.clustering
        how = "weighted by shared connections" if used != "sybilrank" else "unweighted"
        if clustering is not None:
            how += f", chosen as the graph's clustering is {clustering:.2f}"
        scores = rank_scores(trust)
        seed_set, fake_set = set(seeds), set(fakes)
        findings: dict[str, Finding] = {}
        for i, account_id in enumerate(graph.ids):
            score = round(float(scores[i]), 6)
            text = (
                f"after {steps} iterations of trust from {len(seeds)} verified account(s)"
                + (f" and distrust from {len(fakes)} known fake(s)" if fakes else "")
                + f", {score:.0%} of connected accounts look more trusted ({how})"
            )
            data = {
                "trust": float(trust[i]),
                "weighting": used,
                "clustering": clustering,
                "distrust_seed": i in fake_set,
            }
            evidence = [Evidence(text, weight=score, data=data)]
            if i in seed_set:
                evidence.append(Evidence("verified account: a trusted seed", weight=0.0))
            if i in fake_set:
                evidence.append(Evidence("known fake: a seed of distrust", weight=1.0))
            evidence.extend(self._invitation_evidence(snapshot, account_id, int(graph.degree[i])))
            findings[account_id] = Finding(
                self.name, self.version, account_id, score, tuple(evidence)
            )
        return findings

    @staticmethod
    def _invitation_evidence(snapshot: Snapshot, account_id: str, degree: int) -> list[Evidence]:
        sent = snapshot.invitations_by_sender.get(account_id, ())
        answered = [
            i for i in sent if i.status in (InvitationStatus.ACCEPTED, InvitationStatus.IGNORED)
        ]
        if not answered:
            return []
        ignored = sum(i.status is InvitationStatus.IGNORED for i in answered)
        accepted = len(answered) - ignored
        invited = {i.recipient for i in sent if i.status is InvitationStatus.ACCEPTED}
        share = len(invited & snapshot.neighbours.get(account_id, frozenset())) / max(degree, 1)
        text = (
            f"{ignored} of its {len(answered)} answered invitations were ignored "
            f"({ignored / len(answered):.0%}); {share:.0%} of its {degree} connections are "
            f"accounts it invited ({accepted} accepted)"
        )
        return [Evidence(text, weight=float(np.clip(ignored / len(answered), 0.0, 1.0)))]
