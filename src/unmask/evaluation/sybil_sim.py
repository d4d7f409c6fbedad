"""Inject a simulated Sybil region into a real honest graph, with the side information a platform
would see (verification, invitation outcomes, a victim classifier's output). Synthetic by design:
the honest graph is real (SNAP ego-Facebook); everything about the Sybils is simulated here.

Model (see docs/trust-propagation.md): ``n_sybil`` Sybils form a heavy-tailed random graph
(Chung-Lu, mean degree ``sybil_degree``). The attacker sends invitations from random Sybils to
random honest members until ``attack_edges`` are accepted; a member accepts with probability
``accept_rate * susceptibility`` (susceptibility: log-normal, mean 1), so victims are the
susceptible members, and every refused invitation is an ignored invitation the platform sees.
Honest members also see some of their own invitations ignored (rate ~ Beta(2, 8)). The victim
classifier sees each account's log-susceptibility plus Gaussian noise (``victim_noise``; infinite
noise = no classifier). A share ``verified_rate`` of honest members is verified; no Sybil is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse


@dataclass(frozen=True, slots=True)
class SybilParams:
    n_sybil: int = 1000
    sybil_degree: float = 44.0
    accept_rate: float = 0.25
    victim_noise: float = 1.0
    verified_rate: float = 0.3


@dataclass(frozen=True)
class Scenario:
    adj: Any  # symmetric CSR, honest nodes first, then Sybils
    is_sybil: npt.NDArray[np.bool_]
    verified: npt.NDArray[np.bool_]
    victim_prob: npt.NDArray[np.float64]
    rejection: npt.NDArray[np.float64]
    invitations: npt.NDArray[np.int64]  # (m, 3): sender, recipient, accepted (1) or ignored (0)
    attack_edges: int
    victim_auc: float


def load_edge_list(path: Path) -> npt.NDArray[np.int64]:
    """A whitespace-separated ``u v`` edge list as an (m, 2) array of 0-based node ids."""
    edges = np.loadtxt(path, dtype=np.int64, ndmin=2)
    return np.asarray(edges[edges[:, 0] != edges[:, 1]], dtype=np.int64)


def _symmetric(n: int, edges: npt.NDArray[np.int64]) -> Any:
    rows = np.concatenate([edges[:, 0], edges[:, 1]])
    cols = np.concatenate([edges[:, 1], edges[:, 0]])
    adj = sparse.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(n, n))
    adj.data[:] = 1.0
    return adj


def chung_lu(n: int, mean_degree: float, rng: np.random.Generator) -> npt.NDArray[np.int64]:
    """A heavy-tailed random graph: expected degrees log-normal (sigma 0.8), ``mean_degree``."""
    expected = rng.lognormal(0.0, 0.8, n)
    expected *= mean_degree / expected.mean()
    m = round(n * mean_degree / 2)
    p = expected / expected.sum()
    pairs = rng.choice(n, size=(int(m * 1.3), 2), p=p)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs = np.unique(np.sort(pairs, axis=1), axis=0)
    return np.asarray(rng.permutation(pairs)[:m], dtype=np.int64)


def _attack(
    n_h: int, n_s: int, k: int, accept: npt.NDArray[np.float64], rng: np.random.Generator
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Accepted attack edges (honest, sybil) and the ignored invitations (sybil, honest)."""
    edges: set[tuple[int, int]] = set()
    ignored: list[tuple[int, int]] = []
    while len(edges) < k:
        batch = max(64, 2 * (k - len(edges)))
        senders = rng.integers(0, n_s, batch)
        targets = rng.integers(0, n_h, batch)
        ok = rng.random(batch) < accept[targets]
        for s, t, yes in zip(senders.tolist(), targets.tolist(), ok.tolist(), strict=True):
            if len(edges) >= k:
                break
            if (t, s) in edges:
                continue
            if yes:
                edges.add((t, s))
            else:
                ignored.append((s, t))
    accepted = np.array(sorted(edges), dtype=np.int64).reshape(-1, 2)
    return accepted, np.array(ignored, dtype=np.int64).reshape(-1, 2)


def inject(
    honest: npt.NDArray[np.int64], attack_edges: int, seed: int, params: SybilParams | None = None
) -> Scenario:
    """The honest edge list plus a Sybil region and ``attack_edges`` accepted attack edges."""
    from sklearn.metrics import roc_auc_score

    prm = params or SybilParams()
    rng = np.random.default_rng(seed)
    n_h = int(honest.max()) + 1
    n_s = prm.n_sybil
    n = n_h + n_s
    log_sus = rng.normal(-0.5, 1.0, n_h)  # log-normal, mean 1
    accept = np.clip(prm.accept_rate * np.exp(log_sus), 0.0, 1.0)
    attack, sybil_ignored = _attack(n_h, n_s, attack_edges, accept, rng)
    internal = chung_lu(n_s, prm.sybil_degree, rng) + n_h
    attack_global = np.column_stack([attack[:, 0], attack[:, 1] + n_h])
    adj = _symmetric(n, np.vstack([honest, internal, attack_global]))

    # Invitations: each honest or internal edge sent by a random endpoint, attack edges by the
    # Sybil; honest members' ignored invitations go to random members; the Sybils' to their targets.
    parts = [np.column_stack([attack_global[:, 1], attack_global[:, 0]])]
    for part in (honest, internal):
        flip = rng.integers(0, 2, part.shape[0]).astype(bool)
        parts.append(np.where(flip[:, None], part[:, ::-1], part))
    accepted = np.vstack(parts)
    sent = np.bincount(accepted[:, 0], minlength=n).astype(np.float64)
    ignore_rate = rng.beta(2.0, 8.0, n_h)
    n_ign = rng.poisson(sent[:n_h] * ignore_rate / (1.0 - ignore_rate))
    h_senders = np.repeat(np.arange(n_h), n_ign)
    h_targets = (h_senders + rng.integers(1, n_h, h_senders.size)) % n_h
    refused = np.vstack(
        [np.column_stack([h_senders, h_targets]), sybil_ignored + np.array([n_h, 0])]
    )
    invitations = np.vstack(
        [
            np.column_stack([accepted, np.ones(len(accepted), np.int64)]),
            np.column_stack([refused, np.zeros(len(refused), np.int64)]),
        ]
    )
    ignored = np.bincount(refused[:, 0], minlength=n).astype(np.float64)
    total = sent + ignored
    rejection = np.divide(ignored, total, out=np.zeros(n), where=total > 0)

    # Victim classifier over non-graph features: Sybils' features are drawn like anyone's.
    feature = np.concatenate([log_sus, rng.normal(-0.5, 1.0, n_s)])
    if np.isfinite(prm.victim_noise):
        z = feature + rng.normal(0.0, prm.victim_noise, n)
        victim_prob = 1.0 / (1.0 + np.exp(-(z - np.median(z)) * 1.5))
    else:
        victim_prob = np.full(n, 0.5)
    victims = np.zeros(n_h, dtype=bool)
    victims[attack[:, 0]] = True
    both = 0 < victims.sum() < n_h
    v_auc = float(roc_auc_score(victims, victim_prob[:n_h])) if both else float("nan")

    is_sybil = np.zeros(n, dtype=bool)
    is_sybil[n_h:] = True
    verified = np.zeros(n, dtype=bool)
    verified[:n_h] = rng.random(n_h) < prm.verified_rate
    return Scenario(
        adj, is_sybil, verified, victim_prob, rejection, invitations, len(attack), v_auc
    )
