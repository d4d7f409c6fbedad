"""Pure text features shared by the batch detectors and the member-facing checker.

Nothing here loads a model or touches I/O: ``normalise_text`` puts text from any source (a scraped
page, an export, a pasted invitation note) into one form, and ``style_features`` measures writing
style in ways that do not depend on the topic (sentence rhythm, punctuation, function words, the
stock vocabulary of generated text), so that one definition serves a nightly batch and a single
note typed into the checker.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "GENERATED_STYLE_WORDS",
    "STYLE_FEATURES",
    "find_placeholders",
    "generated_style_hits",
    "normalise_text",
    "remove_placeholders",
    "sentences",
    "style_features",
    "words",
]

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
        "\u00a0": " ", "\u2028": " ", "\u2029": " ", "\u200b": "", "\ufeff": "",
        "\u2022": " ", "\u00b7": " ", "\u25e6": " ", "\u25a0": " ", "\uf0b7": " ",
    }
)  # fmt: skip
_PLACEHOLDER = re.compile(
    r"\[[^\[\]]{1,120}\]|\{\{?[^{}]{1,60}\}?\}|<(?:name|company|title)>", re.I
)
_BULLET = re.compile(r"(?m)^\s*(?:[*\-+]|\d{1,2}[.)])\s+")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-Z]")


def normalise_text(text: str) -> str:
    """One form for text from any source.

    HTML entities decoded, Unicode compatibility forms folded, typographic quotes, dashes and
    bullets made plain, markdown emphasis and list markers dropped, and every run of whitespace
    made one space. Layout is deliberately thrown away: it depends on where the text was copied
    from, not who wrote it. Nothing else is rewritten: words keep their spelling and case
    ("LinkedIn" stays "LinkedIn") and template placeholders stay (they are evidence, see
    ``find_placeholders``). Repairs that one corpus needs (EMSCAD's glued words and
    anonymisation tokens) belong to that corpus's evaluation adapter, not here.
    """
    t = unicodedata.normalize("NFKC", html.unescape(text)).translate(_CHAR_MAP)
    t = t.replace("**", "").replace("__", "")
    t = _BULLET.sub(" ", t)
    return _SPACE.sub(" ", t).strip()


def remove_placeholders(text: str) -> str:
    """``text`` without its template slots (``[Company Name]``), whitespace made single."""
    return _SPACE.sub(" ", _PLACEHOLDER.sub(" ", text)).strip()


def find_placeholders(text: str) -> list[str]:
    """Template slots left in the text, e.g. ``[Company Name]`` or ``{{first_name}}``."""
    return [m.group(0) for m in _PLACEHOLDER.finditer(text)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


#: Words and phrases that generated and heavily templated text over-uses (written for this project).
GENERATED_STYLE_WORDS: tuple[str, ...] = (
    "leverage", "leveraging", "dynamic", "foster", "fostering", "robust", "seamless", "seamlessly",
    "innovative", "cutting-edge", "passionate", "unparalleled", "pivotal", "spearhead",
    "spearheading", "synergy", "synergies", "holistic", "empower", "empowering", "thrive",
    "landscape", "realm", "delve", "tapestry", "ecosystem", "transformative", "paradigm",
    "meticulous", "comprehensive", "navigate", "navigating", "elevate", "unwavering", "journey",
    "vibrant", "forefront", "cultivate", "embark", "resonate", "testament", "intricate", "nuanced",
    "streamline", "showcase", "visionary", "exceptional", "dedicated", "esteemed", "proactive",
    "results-driven", "game-changer", "world-class", "best-in-class", "state-of-the-art",
    "strategic", "impactful", "actionable", "stakeholders", "excellence", "commitment",
    "opportunity", "unlock", "harness", "insights", "mindset", "collaborative", "multifaceted",
)  # fmt: skip
_GENERATED_SET = frozenset(GENERATED_STYLE_WORDS)
_FUNCTION_WORDS_TEXT = (
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "this that these those it its we our you your i my me they their he she his her not no so "
    "than then there which who whom what when where while will would can could should may "
    "might must do does did have has had"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_PRONOUNS = {
    "first_plural": frozenset({"we", "our", "us", "ours"}),
    "second": frozenset({"you", "your", "yours"}),
    "first_singular": frozenset({"i", "my", "me", "mine"}),
}
_PUNCT = {"comma": ",", "colon": ":", "semicolon": ";", "exclaim": "!", "question": "?",
          "paren": "(", "hyphen": "-", "slash": "/", "ampersand": "&", "quote": '"',
          "apostrophe": "'", "plus": "+", "dollar": "$"}  # fmt: skip


def generated_style_hits(text: str) -> list[str]:
    """The stock words of generated text that occur in ``text`` (lower-cased, in order)."""
    return [w for w in (x.lower() for x in words(text)) if w in _GENERATED_SET]


def _mattr(tokens: list[str], window: int = 40) -> float:
    if len(tokens) <= window:
        return len(set(tokens)) / max(len(tokens), 1)
    ratios = [len(set(tokens[i : i + window])) / window for i in range(0, len(tokens) - window, 10)]
    return sum(ratios) / len(ratios)


def _mean_std(values: Iterable[float]) -> tuple[float, float]:
    v = list(values)
    if not v:
        return 0.0, 0.0
    mean = sum(v) / len(v)
    return mean, math.sqrt(sum((x - mean) ** 2 for x in v) / len(v))


def style_features(text: str) -> dict[str, float]:
    """Topic-independent style measurements of one text, in ``STYLE_FEATURES`` order."""
    t = normalise_text(text)
    toks = words(t)
    low = [w.lower() for w in toks]
    n_chars, n_words = max(len(t), 1), max(len(toks), 1)
    sents = sentences(t)
    sent_len_mean, sent_len_std = _mean_std(len(words(s)) for s in sents)
    word_len_mean, word_len_std = _mean_std(len(w) for w in toks)
    out: dict[str, float] = {
        "log_chars": math.log1p(len(t)),
        "word_len_mean": word_len_mean,
        "word_len_std": word_len_std,
        "long_word_rate": sum(len(w) >= 9 for w in toks) / n_words,
        "sent_len_mean": sent_len_mean,
        "sent_len_cv": sent_len_std / sent_len_mean if sent_len_mean else 0.0,
        "sentence_end_rate": sum(s.rstrip()[-1:] in ".!?" for s in sents) / max(len(sents), 1),
        "lower_start_rate": sum(s[:1].islower() for s in sents) / max(len(sents), 1),
        "mattr": _mattr(low),
        "function_word_rate": sum(w in _FUNCTION_WORDS for w in low) / n_words,
        "generated_word_rate": sum(w in _GENERATED_SET for w in low) / n_words,
        "caps_word_rate": sum(len(w) > 1 and w.isupper() for w in toks) / n_words,
        "title_word_rate": sum(w[:1].isupper() for w in toks) / n_words,
        "digit_rate": len(_DIGIT.findall(t)) / n_chars,
        "upper_rate": len(_UPPER.findall(t)) / n_chars,
    }
    for key, group in _PRONOUNS.items():
        out[f"pronoun_{key}"] = sum(w in group for w in low) / n_words
    for key, ch in _PUNCT.items():
        out[f"punct_{key}"] = 1000.0 * t.count(ch) / n_chars
    return out


STYLE_FEATURES: tuple[str, ...] = tuple(style_features("Example text. Another one."))
