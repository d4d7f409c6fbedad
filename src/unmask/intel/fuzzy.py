"""Fuzzy lookup of names: a deletion neighbourhood (as SymSpell) with a Levenshtein check.

Every indexed key and every query contribute themselves and their one-character deletions;
a shared variant makes a candidate, which is kept when its similarity (1 - edit distance / longer
length) reaches the threshold. This finds every pair within edit distance 1 and most within 2
(a substitution, a transposition, an insertion on each side) without comparing all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

MIN_FUZZY_LEN = 6
CACHE = 1 << 18  # keys remembered: names repeat across accounts


def levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return 1.0 - levenshtein(a, b) / max(len(a), len(b))


def _variants(key: str) -> set[str]:
    out = {key}
    if len(key) >= MIN_FUZZY_LEN:
        out.update(key[:i] + key[i + 1 :] for i in range(len(key)))
    return out


class FuzzyIndex:
    """Keys to payload ids; ``lookup`` returns ``(id, similarity)`` for close keys."""

    def __init__(self, items: Iterable[tuple[str, int]], threshold: float = 0.85) -> None:
        self.threshold = threshold
        self.exact: dict[str, list[int]] = defaultdict(list)
        self._near: dict[str, set[str]] = defaultdict(set)
        self._cache: dict[str, list[tuple[int, float]]] = {}
        for key, ident in items:
            self.exact[key].append(ident)
        for key in self.exact:
            if len(key) >= MIN_FUZZY_LEN:
                for v in _variants(key):
                    self._near[v].add(key)

    def lookup(self, key: str) -> list[tuple[int, float]]:
        found = self._cache.get(key)
        if found is None:
            found = self._lookup(key)
            if len(self._cache) >= CACHE:
                self._cache.clear()
            self._cache[key] = found
        return found

    def _lookup(self, key: str) -> list[tuple[int, float]]:
        out = [(i, 1.0) for i in self.exact.get(key, ())]
        if len(key) < MIN_FUZZY_LEN or not self._near:
            return out
        candidates: set[str] = set()
        for v in _variants(key):
            near = self._near.get(v)
            if near:
                candidates.update(near)
        candidates.discard(key)
        for cand in candidates:
            sim = similarity(key, cand)
            if sim >= self.threshold:
                out.extend((i, sim) for i in self.exact[cand])
        return out
