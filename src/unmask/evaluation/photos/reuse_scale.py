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
* ``factorised``: P(face agrees) x P(context agrees | face near) + P(whole-image rule). The
  conditional is measured on the impostor pairs whose face distance is within ``NEAR_FACE``
  (about a tenth of all pairs: enough to see a rare context agreement), smoothed by a half. It
  assumes that the context agrees no more often for the closest faces than for those merely
  near: a modelling assumption, not a measurement; the calibration half shows generated faces
  bend it (see docs/photo-detectors.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

BANK_SIZES = (10_000, 100_000, 1_000_000)
#: The conditional P(context agrees | face near) is measured on pairs within this face distance.
NEAR_FACE = 280
#: Calibration target for the factorised per-pair rate: the goal, 1 false candidate per query
#: in a bank of a million photos.
PAIR_BUDGET = 1e-6
BIG = 10_000


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


def _decoded(layouts: Sequence[str | None]) -> tuple[Any, Any]:
    import numpy as np

    from unmask.detectors.photo_context import GRID, decode

    n = GRID * GRID
    colours = np.zeros((len(layouts), n, 3), dtype=np.float32)
    valid = np.zeros((len(layouts), n), dtype=bool)
    for i, layout in enumerate(layouts):
        if layout:
            colours[i], valid[i] = decode(layout)
    return colours, valid


def context_matrix(queries: Sequence[Any], stored: Sequence[str | None]) -> Any:
    """Layout distances [query, stored] (``photo_context.layout_distance``, vectorised); inf
    where a side has no layout or no variant shares ``MIN_SHARED`` cells."""
    import numpy as np

    from unmask.detectors.photo_context import MIN_SHARED

    s_col, s_ok = _decoded(stored)
    out = np.full((len(queries), len(stored)), np.inf)
    have = [i for i, q in enumerate(queries) if q is not None]
    n_var = len(queries[have[0]].queries()) if have else 0
    for start in range(0, len(have), 50):
        rows = have[start : start + 50]
        best = np.full((len(rows), len(stored)), np.inf)
        for v in range(n_var):
            q_col, q_ok = _decoded([queries[i].queries()[v] for i in rows])
            both = q_ok[:, None, :] & s_ok[None, :, :]
            d = np.sqrt(((q_col[:, None] - s_col[None, :]) ** 2).sum(-1))
            shared = both.sum(-1)
            mean = (d * both).sum(-1) / np.maximum(shared, 1)
            best = np.minimum(best, np.where(shared >= MIN_SHARED, mean, np.inf))
        out[rows] = best
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
    context = context_matrix(regions(qh, "context"), ctx_stored)
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
    """P(face <= tf) x P(context <= tc | face <= max(NEAR_FACE, tf)) + P(whole), on impostor
    pairs; the conditional count is smoothed by a half (k + 0.5) / (n + 1), so that a clean
    sample gives a small rate rather than zero."""
    n = int(imp.sum())
    if n == 0:
        return 0.0
    faces = p.face[imp]
    ctx = p.context[imp]
    p_face = float((faces <= tf).sum()) / n
    near = faces <= max(NEAR_FACE, tf)
    p_ctx = (float((ctx[near] <= tc).sum()) + 0.5) / (int(near.sum()) + 1)
    p_whole = float(p.whole[imp].sum()) / n
    return p_face * p_ctx + p_whole


def calibrate(
    p: Pairs, faces: Sequence[int], contexts: Sequence[float]
) -> tuple[int, float, float]:
    """On calibration pairs only: among the (face, context) thresholds whose factorised
    false-match rate is within ``PAIR_BUDGET``, the highest recall, then the widest margin over
    the genuine pairs' spread (the smaller of threshold / 99th percentile of the genuine
    distances, face and context), so that re-uploads a little harder than these still match."""
    import numpy as np

    genuine, imp = masks(p, held_out=False)
    spread = [
        float(np.percentile(d[np.isfinite(d) & (d < BIG)], 99))
        for d in (p.face[genuine], p.context[genuine])
    ]
    best: tuple[float, float, float, int, float] | None = None
    for tf in faces:
        for tc in contexts:
            rate = factorised(p, imp, tf, tc)
            if rate > PAIR_BUDGET:
                continue
            margin = min(tf / spread[0], tc / spread[1])
            key = (float(p.asserted(tf, tc)[genuine].mean()), margin, -rate, tf, tc)
            if best is None or key > best:
                best = key
    if best is None:
        raise ValueError("no threshold pair meets the budget")
    return best[3], best[4], best[0]
