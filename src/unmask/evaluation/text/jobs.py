"""The human/LLM job-post pairs, cleaned of the confounds that would make a detector look good.

``text/jobs/fake_jobs.csv`` (EMSCAD fraudulent posts, human-written) and
``llm_refined_fake_posts2.csv`` (the same posts rewritten by an LLM) are row-aligned. One sample is
one field (company profile, description, requirements, benefits) of one post, human or LLM. Leaks
and confounds removed, on both classes alike:

- scraping artefacts: ``normalise_text`` (HTML entities, bullets, layout), then this corpus's own
  repairs, which production never applies: EMSCAD lost its line breaks, so sentences and words
  were glued together ("teamPlease" -> "team Please"); its anonymisation tokens (``#URL_...#``)
  are dropped; anything outside ASCII is dropped (mojibake and typographic marks appear almost
  only in the human text);
- template placeholders (``[Company Name]``, ``[Job Title ...]``, in 401 rewrites and 25 human
  posts): removed (``remove_placeholders``);
- fields the LLM left unchanged (most ``benefits``): pairs whose two versions share more than 60%
  of their word 3-shingles are dropped (they are not LLM text);
- fields shorter than 40 characters in either version are dropped;
- the same post text appears under several rows (one company posts many adverts): samples are
  grouped by connected near-duplicates (MinHash, Jaccard >= 0.5 on word 5-shingles) over both
  versions, so that ``group`` keeps a pair and all its near-copies on one side of every split.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from unmask.detectors.text_features import normalise_text, remove_placeholders
from unmask.evaluation.text import TextSample

HUMAN = Path("text/jobs/fake_jobs.csv")
LLM = Path("text/jobs/llm_refined_fake_posts2.csv")
FIELDS = ("company_profile", "description", "requirements", "benefits")
SOURCE = "jobs"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_SPACE = re.compile(r"\s+")
_ANONYMISED = re.compile(r"#(?:URL|EMAIL|PHONE)_[0-9a-f]+#")
_GLUED_SENTENCE = re.compile(r"([a-z0-9)])([.!?:;,])([A-Z])")
_GLUED_WORDS = re.compile(r"([a-z]{2})([A-Z][a-z])")


def clean(text: str) -> str:
    """EMSCAD's repairs on top of ``normalise_text`` (see the module docstring)."""
    t = remove_placeholders(normalise_text(text))
    t = _ANONYMISED.sub(" ", t)
    t = _GLUED_SENTENCE.sub(r"\1\2 \3", t)
    t = _GLUED_WORDS.sub(r"\1 \2", t)
    return _SPACE.sub(" ", _NON_ASCII.sub(" ", t)).strip()


def _shingles(text: str, k: int) -> set[str]:
    w = text.lower().split()
    return {" ".join(w[i : i + k]) for i in range(max(1, len(w) - k + 1))}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(len(a | b), 1)


def _groups(texts: list[tuple[int, str]], n_pairs: int) -> list[int]:
    from datasketch import MinHash, MinHashLSH

    parent = list(range(n_pairs))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    for key, (pair, text) in enumerate(texts):
        mh = MinHash(num_perm=64, seed=1)
        mh.update_batch([s.encode() for s in _shingles(text, 5)])
        for other in lsh.query(mh):
            parent[find(texts[other][0])] = find(pair)
        lsh.insert(key, mh)
    return [find(i) for i in range(n_pairs)]


def load_jobs(data: Path, min_chars: int = 40, max_overlap: float = 0.6) -> list[TextSample]:
    csv.field_size_limit(1 << 30)
    with (data / HUMAN).open(encoding="utf-8", newline="") as fh:
        human = list(csv.DictReader(fh))
    with (data / LLM).open(encoding="utf-8-sig", newline="") as fh:
        llm = list(csv.DictReader(fh))
    if len(human) != len(llm) or any(
        h["title"] != m["title"] for h, m in zip(human, llm, strict=True)
    ):
        raise ValueError("the human and LLM job files are no longer row-aligned")
    kept: list[tuple[int, str, str, str]] = []
    for pair, (h_row, m_row) in enumerate(zip(human, llm, strict=True)):
        for field in FIELDS:
            h, m = clean(h_row[field]), clean(m_row[f"refined_{field}"])
            if min(len(h), len(m)) < min_chars:
                continue
            if _jaccard(_shingles(h, 3), _shingles(m, 3)) > max_overlap:
                continue
            kept.append((pair, field, h, m))
    flat = [(p, t) for p, _, h, m in kept for t in (h, m)]
    group = _groups(flat, len(human))
    return [
        TextSample(text, label, SOURCE, f"jobs:{group[pair]}", field)
        for pair, field, h, m in kept
        for text, label in ((h, 0), (m, 1))
    ]
