"""``photo_reuse`` at platform scale: pairwise distances, thresholds chosen on the calibration
half, and the expected false candidates per query at bank sizes of 10k, 100k and 1M photos.

Every (query photo, stored original) pair of different photos is an impostor pair; a query is a
re-upload or an original. Calibration pairs have both photos among the even-numbered files,
held-out pairs both among the odd-numbered files, so no held-out pair (nor photo) set a
threshold. A bank of N photos gives a query about ``rate * N`` false candidates, where ``rate``
is the per-pair false-match rate. Three estimates of it are reported:

* ``observed``: asserted impostor pairs / impostor pairs;
* ``95% upper bound``: the exact (Clopper-Pearson) one-sided bound on it; with a few tens of
  thousands of pairs this cannot go below about 1e-4, i.e. it cannot show 1 per query at 1M;
* ``factorised``: P(face agrees) x P(context agrees | face agrees loosely) + P(whole-image rule);
  the conditional is measured on the impostor pairs whose face distance is within the loosest
  threshold that leaves at least ``MIN_CONDITIONAL`` of them (so that it is not estimated on a
  handful of pairs). It assumes that, among pairs whose faces agree that closely, the context
  agrees no more often for the closest ones: a modelling assumption, not a measurement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

BANK_SIZES = (10_000, 100_000, 1_000_000)
MIN_CONDITIONAL = 400
#: Calibration target for the factorised per-pair rate: 0.25 false candidates per query at 1M.
PAIR_BUDGET = 2.5e-7
BIG = 10_000
#: Context layouts are compared only for pairs whose face distance is within this (beyond it,
#: neither the rule nor the conditional estimate looks at the context).
FACE_EVAL = 300


def _words(hexes: Sequence[str | None], nbits: int) -> Any:
    import numpy as np

    n = nbits // 64
    out = np.zeros((len(hexes), n), dtype=np.uint64)
    for i, h in enumerate(hexes):
        if h:
            v = int(h, 16)
            out[i] = [(v >> (64 * (n - 1 - k))) & (2**64 - 1) for k in range(n)]
    return out


def region_matrix(queries: Sequence[Any], stored: Sequence[tuple[str, str] | None]) -> Any:
    """Joint distances [query, stored] of one region (``photo_match.region_distance``);
    ``BIG`` where either side has no hashes."""
    import numpy as np

    sp = _words([s[0] if s else None for s in stored], 256)
    sh = _words([s[1] if s else None for s in stored], 64)[:, 0]
    out = np.full((len(queries), len(stored)), BIG, dtype=np.int64)
    have_q = np.asarray([q is not None for q in queries])
    have_s = np.asarray([s is not None for s in stored])
    qs = [q for q in queries if q is not None]
    if not qs or not have_s.any():
        return out
    variants = [q.queries() for q in qs]
    best = np.full((len(qs), len(stored)), BIG, dtype=np.int64)
    for v in range(len(variants[0])):
        qp = _words([var[v][0] for var in variants], 256)
        qh = _words([var[v][1] for var in variants], 64)[:, 0]
        d = np.bitwise_count(qp[:, None, :] ^ sp[None, :, :]).sum(-1).astype(np.int64)
        d += 2 * np.bitwise_count(qh[:, None] ^ sh[None, :]).astype(np.int64)
        best = np.minimum(best, d)
    best[:, ~have_s] = BIG
    out[have_q] = best
    return out


def context_matrix(queries: Sequence[Any], stored: Sequence[str | None], face: Any) -> Any:
    """Layout distances [query, stored] where ``face <= FACE_EVAL``; inf elsewhere and where a
    side has no layout (or they share too few cells)."""
    import numpy as np

    from unmask.detectors.photo_context import layout_distance

    out = np.full(face.shape, np.inf)
    for qi, si in zip(*np.nonzero(face <= FACE_EVAL), strict=True):
        q, s = queries[qi], stored[si]
        if q is not None and s is not None:
            d = layout_distance(q, s)
            out[qi, si] = np.inf if d is None else d
    return out


def whole_matrix(queries: Sequence[Any], stored: Sequence[Any]) -> Any:
    """True where the whole-image rule (``photo_match.whole_match``) holds."""
    import numpy as np

    from unmask.detectors.photo_match import PDQ_THRESHOLD, PHASH_THRESHOLD

    sp = _words([s.pdq for s in stored], 256)
    sh = _words([s.phash for s in stored], 64)[:, 0]
    pdq = np.full((len(queries), len(stored)), BIG, dtype=np.int64)
    for v in range(8):
        qp = _words([q.pdq_dihedral[v] if len(q.pdq_dihedral) > v else None for q in queries], 256)
        pdq = np.minimum(pdq, np.bitwise_count(qp[:, None, :] ^ sp[None, :, :]).sum(-1))
    ph = np.full_like(pdq, BIG)
    for attr in ("phash", "phash_mirror"):
        qh = _words([getattr(q, attr) for q in queries], 64)[:, 0]
        ph = np.minimum(ph, np.bitwise_count(qh[:, None] ^ sh[None, :]).astype(np.int64))
    return (pdq <= PDQ_THRESHOLD) & (ph <= PHASH_THRESHOLD)


@dataclass(frozen=True)
class Pairs:
    """Every (query, stored original) pair: distances and which photos they are."""

    face: Any  # [q, s] tight + wide joint distance
    context: Any  # [q, s] context layout distance (inf: not compared)
    whole: Any  # [q, s] whole-image rule holds
    q_photo: Any  # [q] index of the query's photo
    q_original: Any  # [q] the query is the stored original itself (never a genuine pair)
    q_fake: Any  # [q] the query's photo is generated
    s_fake: Any  # [s]

    def face_only(self, tf: int) -> Any:
        return self.face <= tf

    def asserted(self, tf: int, tc: float) -> Any:
        return self.whole | ((self.face <= tf) & (self.context <= tc))


def pairs(
    queries: Sequence[tuple[int, Any, bool]], originals: Sequence[Any], fake: Sequence[int]
) -> Pairs:
    """``queries``: (photo index, PhotoHashes, is the original); ``originals``: PhotoHashes of
    photo i at i."""
    import numpy as np

    def regions(hs: Sequence[Any], name: str) -> list[Any]:
        return [getattr(h.face, name) if h.face is not None else None for h in hs]

    qh = [h for _, h, _ in queries]
    face = np.zeros((len(qh), len(originals)), dtype=np.int64)
    for name in ("tight", "wide"):
        stored = [r.canonical if r is not None else None for r in regions(originals, name)]
        face += region_matrix(regions(qh, name), stored)
    ctx_stored = [r.canonical if r is not None else None for r in regions(originals, "context")]
    context = context_matrix(regions(qh, "context"), ctx_stored, face)
    q_photo = np.asarray([i for i, _, _ in queries])
    q_orig = np.asarray([o for _, _, o in queries], dtype=bool)
    fk = np.asarray(fake, dtype=bool)
    whole = whole_matrix(qh, originals)
    return Pairs(face, context, whole, q_photo, q_orig, fk[q_photo], fk)


def masks(p: Pairs, held_out: bool, kind: str = "all") -> tuple[Any, Any]:
    """(genuine pair mask, impostor pair mask) for one half and pair kind
    (``all``, ``generated-generated``, ``photo-photo``, ``mixed``)."""
    import numpy as np

    parity = 1 if held_out else 0
    qi = p.q_photo[:, None]
    si = np.arange(p.face.shape[1])[None, :]
    side = (qi % 2 == parity) & (si % 2 == parity)
    genuine = side & (qi == si) & ~p.q_original[:, None]
    imp = side & (qi != si)
    qf, sf = p.q_fake[:, None], p.s_fake[None, :]
    kinds = {
        "all": np.ones_like(imp),
        "generated-generated": qf & sf,
        "photo-photo": ~qf & ~sf,
        "mixed": qf ^ sf,
    }
    return genuine, imp & kinds[kind]


def upper_bound(k: int, n: int, conf: float = 0.95) -> float:
    from scipy.stats import beta

    return 1.0 if k >= n else float(beta.ppf(conf, k + 1, n - k))


def factorised(p: Pairs, imp: Any, tf: int, tc: float) -> float:
    """P(face) x P(context | face within the loose threshold) + P(whole) on impostor pairs."""
    import numpy as np

    n = int(imp.sum())
    if n == 0:
        return 0.0
    faces = p.face[imp]
    ctx = p.context[imp]
    p_face = float((faces <= tf).sum()) / n
    loose = tf
    order = np.sort(faces)
    if len(order) >= MIN_CONDITIONAL:
        loose = max(tf, int(order[MIN_CONDITIONAL - 1]))
    if loose > FACE_EVAL:
        raise ValueError(f"the conditional needs face distances up to {loose} > {FACE_EVAL}")
    near = faces <= loose
    p_ctx = float((ctx[near] <= tc).sum()) / max(int(near.sum()), 1)
    p_whole = float(p.whole[imp].sum()) / n
    return p_face * p_ctx + p_whole


def calibrate(
    p: Pairs, faces: Sequence[int], contexts: Sequence[float]
) -> tuple[int, float, float]:
    """On calibration pairs only: the (face, context) thresholds with the highest recall whose
    factorised false-match rate is within ``PAIR_BUDGET`` (ties: the lower rate)."""
    genuine, imp = masks(p, held_out=False)
    best: tuple[float, float, int, float] | None = None
    for tf in faces:
        for tc in contexts:
            rate = factorised(p, imp, tf, tc)
            if rate > PAIR_BUDGET:
                continue
            recall = float(p.asserted(tf, tc)[genuine].mean())
            key = (recall, -rate, tf, tc)
            if best is None or key > best:
                best = key
    if best is None:
        raise ValueError("no threshold pair meets the budget")
    return best[2], best[3], best[0]
