"""Labelled human/machine text corpora for ``text_origin`` and the source-out suite over them.

Each corpus adapter (``jobs``, ``tweepfake``) returns ``TextSample`` records and does the
cleaning that its own corpus needs (EMSCAD's glued words and placeholders, TweepFake's links
and handles); the production ``normalise_text`` carries none of it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TextSample"]


@dataclass(frozen=True, slots=True)
class TextSample:
    """One labelled text. ``group`` keeps related texts on one side of every split (a job post,
    its rewrite and their near-copies; a tweeted persona and the bots that imitate it);
    ``field`` is the sub-domain (a job-post field, a tweet generator family)."""

    text: str
    label: int  # 1: machine-generated
    source: str
    group: str
    field: str
