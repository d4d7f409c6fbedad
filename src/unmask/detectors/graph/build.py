"""From a :class:`~unmask.model.Snapshot` to a CSR adjacency: ids are mapped to indices once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from unmask.model import Account, Snapshot
from unmask.model.enums import InvitationStatus


@dataclass(frozen=True)
class SnapshotGraph:
    ids: tuple[str, ...]
    index: dict[str, int]
    adj: Any  # symmetric 0/1 CSR
    degree: npt.NDArray[np.int64]


def trusted(account: Account) -> bool:
    """A trusted seed, as a platform knows it: a verified workplace, or e-mail and phone."""
    return account.verified_workplace or (account.verified_email and account.verified_phone)


def snapshot_graph(snapshot: Snapshot) -> SnapshotGraph:
    from scipy import sparse

    ids = tuple(
        sorted({c.source for c in snapshot.connections} | {c.target for c in snapshot.connections})
    )
    index = {a: i for i, a in enumerate(ids)}
    n = len(ids)
    src = np.fromiter((index[c.source] for c in snapshot.connections), np.int64)
    dst = np.fromiter((index[c.target] for c in snapshot.connections), np.int64)
    rows, cols = np.concatenate([src, dst]), np.concatenate([dst, src])
    adj = sparse.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(n, n))
    adj.data[:] = 1.0  # duplicates collapse to one edge
    degree = np.diff(adj.indptr).astype(np.int64)
    return SnapshotGraph(ids, index, adj, degree)


def invitation_arrays(
    snapshot: Snapshot, index: dict[str, int]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Answered invitations between accounts in the graph: senders, recipients, accepted."""
    answered = [
        inv
        for inv in snapshot.invitations
        if inv.status in (InvitationStatus.ACCEPTED, InvitationStatus.IGNORED)
        and inv.sender in index
        and inv.recipient in index
    ]
    senders = np.array([index[i.sender] for i in answered], dtype=np.int64)
    recipients = np.array([index[i.recipient] for i in answered], dtype=np.int64)
    accepted = np.array([i.status is InvitationStatus.ACCEPTED for i in answered], dtype=bool)
    return senders, recipients, accepted
