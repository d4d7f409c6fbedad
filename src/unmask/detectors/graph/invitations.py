"""Invitation outcomes as evidence about the sender, weighted by how trusted each target is.

An invitation ignored by a trusted member says more than one accepted by an account that accepts
everything (SybilEdge, Breuer et al., WWW 2020, weighs targets by how discerning they are; Rejecto,
Cao et al., ICDCS 2015, counts only rejections across the boundary of a suspect region). Weighting
each outcome by the target's trust keeps what an attacker controls (its own accounts accepting each
other's invitations) from diluting the refusals it gets from real members.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def invitation_evidence(
    n: int,
    senders: npt.NDArray[np.int64],
    recipients: npt.NDArray[np.int64],
    accepted: npt.NDArray[np.bool_],
    target_weight: FloatArray | None = None,
    pseudo: float = 2.0,
) -> FloatArray:
    """Per sender, the log-odds by which its (weighted) acceptance rate falls below the norm.

    ``target_weight[v]`` in [0, 1] is how far ``v``'s answers count (its trust; 1 if omitted).
    Positive values: its invitations are ignored more often than usual by the members who count;
    0 for accounts that sent nothing. Rates are smoothed with ``pseudo`` invitations at the norm.
    """
    w = np.ones(n) if target_weight is None else np.clip(target_weight, 0.0, 1.0)
    weights = w[recipients]
    ok = np.asarray(accepted, dtype=bool)
    acc = np.bincount(senders[ok], weights=weights[ok], minlength=n)
    ref = np.bincount(senders[~ok], weights=weights[~ok], minlength=n)
    total = acc.sum() + ref.sum()
    if total <= 0:
        return np.zeros(n)
    norm = float(np.clip(acc.sum() / total, 1e-3, 1 - 1e-3))
    rate = (acc + pseudo * norm) / (acc + ref + pseudo)
    rate = np.clip(rate, 1e-3, 1 - 1e-3)
    return np.asarray(np.log(norm / (1 - norm)) - np.log(rate / (1 - rate)), dtype=np.float64)
