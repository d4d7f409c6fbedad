"""Near-duplicate texts across accounts (MinHash LSH): evidence of persona templates.

Two accounts whose about sections, position descriptions or invitation notes share most of their
word 3-shingles were very likely written from one template. An account's own repeated notes do
not count: only other accounts do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from unmask.detectors.text_features import normalise_text

__all__ = ["near_duplicates", "shingles"]


def shingles(text: str, k: int = 3) -> set[str]:
    w = normalise_text(text).lower().split()
    return {" ".join(w[i : i + k]) for i in range(max(1, len(w) - k + 1))}


def near_duplicates(
    items: Iterable[tuple[str, str, str]], threshold: float = 0.6, min_words: int = 8,
    num_perm: int = 64,
) -> dict[str, dict[str, set[str]]]:  # fmt: skip
    """``items`` are (account, source, text); returns account -> source -> other accounts whose
    text of any source has word-3-shingle Jaccard >= ``threshold`` with it."""
    from datasketch import MinHash, MinHashLSH

    entries: list[tuple[str, str, set[str], MinHash]] = []
    for account, source, text in items:
        if len(normalise_text(text).split()) < min_words:
            continue
        sh = shingles(text)
        mh = MinHash(num_perm=num_perm, seed=7)
        mh.update_batch([s.encode() for s in sorted(sh)])
        entries.append((account, source, sh, mh))
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for key, entry in enumerate(entries):
        lsh.insert(key, entry[3])
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for account, source, sh, mh in entries:
        for other_key in lsh.query(mh):
            other, _, other_sh, _ = entries[other_key]
            if other != account and len(sh & other_sh) / max(len(sh | other_sh), 1) >= threshold:
                out[account][source].add(other)
    return {a: dict(s) for a, s in out.items()}
