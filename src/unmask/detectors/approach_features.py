"""Cues of the hostile-approach pattern in one message or invitation note (pure functions).

Each cue category is a hallmark from public reporting on real cases (see docs/text-detectors.md):
flattery, pay for reports far above the market, per-referral bounties, paid travel, urgency or
secrecy, moving the conversation to another app or a private address, a headhunter, consultancy
or think-tank framing, requests for non-public information, requests for CVs, projects,
clearances and colleagues, and documents or links to open. The phrase patterns are this
project's own, deliberately broad; ``find_cues`` returns the exact phrases that fired so that a
reviewer can read them, and ``member_reason`` turns categories into a coarse sentence for members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CATEGORIES", "CATEGORY_WEIGHTS", "Cue", "cue_vector", "find_cues", "member_reason",
           "rule_score"]  # fmt: skip

_MONEY = r"(?:[$€£]\s?\d[\d,.]*(?:\s?k\b)?|\d[\d,.]*\s?(?:usd|eur|gbp|dollars|euros|pounds)\b)"
_APPS = r"(?:whats\s?app|telegram|wechat|weixin|viber|skype|kakao\s?talk|line app)"
_WEBMAIL = r"(?:gmail|yahoo|hotmail|outlook|proton(?:mail)?|qq|163|126|mail\.ru)"
_COLLEAGUES = r"(?:colleagues?|co-?workers?|team ?mates?|people in your (?:team|unit|office))"

_PATTERNS: dict[str, tuple[str, ...]] = {
    "flattery": (
        r"\b(?:impressed|fascinated) (?:by|with) your\b[\w ]{0,30}",
        r"\byour (?:impressive|outstanding|remarkable|extensive|exceptional|unique|rich|deep)"
        r" (?:background|experience|expertise|profile|career|knowledge|insights?)",
        r"\bsomeone (?:of|with) your (?:calibre|caliber|standing|expertise|experience|seniority)",
        r"\b(?:an? )?(?:expert|professional|specialist)s? (?:like|such as) you(?:rself)?\b",
        r"\byou are (?:exactly|just|precisely) the (?:kind|type|sort) of\b",
        r"\byour (?:insights?|views?|opinions?|expertise) (?:would be|are|is) (?:invaluable|highly"
        r" valued|extremely valuable|of great value)",
    ),
    "payment": (
        r"\b(?:well[- ]paid|highly paid|lucrative|generous(?:ly)?(?: paid)?|handsome(?:ly)?)"
        r" (?:consult\w*|reports?|opportunit\w*|fees?|compensation|remuneration|rates?|pay)",
        r"\b(?:paid|pay you|we pay|client pays|pays?) (?:\w+ ){0,3}(?:for|per) (?:a |each |every )?"
        r"(?:short |brief )?(?:reports?|papers?|articles?|analys[ie]s|pages?|briefings?)",
        r"\bhonorari(?:um|a)\b",
        r"\b(?:fee|payment|reward|remuneration|compensation) of\b",
        _MONEY
        + r"(?: (?:per|for|a) (?:\w+ ){0,2}(?:reports?|papers?|pages?|articles?|hour|month))?",
        r"\blong[- ]term (?:cooperation|collaboration|partnership)\b",
    ),
    "referral_bounty": (
        r"\b(?:referral|finder'?s?|introduction|recommendation) (?:fee|bonus|reward|commission)",
        r"\b(?:for|per) (?:each|every) (?:\w+ ){0,2}(?:candidate|person|colleague|expert|contact|"
        r"referral)s? (?:\w+ ){0,2}(?:refer|introduce|recommend)",
    ),
    "travel": (
        r"\b(?:all|fully) expenses? (?:paid|covered)",
        r"\b(?:paid|free|sponsored|complimentary) (?:\w+ )?"
        r"(?:trips?|travel|flights?|visits?|tickets?)",
        r"\b(?:cover|pay for|reimburse|arrange) (?:all )?(?:your |the )?(?:travel|flights?|"
        r"hotel|accommodation|visa|trip)",
        r"\binvite you to (?:visit|come to|travel to|a (?:seminar|conference|workshop) in)\b",
        r"\bbusiness class\b",
    ),
    "urgency_secrecy": (
        r"\burgent(?:ly)?\b",
        r"\bas soon as possible\b",
        r"\basap\b",
        r"\b(?:within|in the next) (?:24|48|72) hours\b",
        r"\blimited time\b",
        r"\b(?:keep|remain|treat) (?:this |it |our \w+ )?(?:strictly )?(?:confidential|discreet|"
        r"private|secret|between us)",
        r"\b(?:strictly )?confidential(?:ly)?\b",
        r"\bdiscreet(?:ly|ion)?\b",
        r"\b(?:do not|don'?t|no need to) (?:tell|mention|inform|share (?:this )?with)"
        r" (?:\w+ ){0,2}(?:employer|manager|boss|security|anyone|colleagues)",
    ),
    "off_platform": (
        r"\b" + _APPS + r"\b",
        r"\b(?:on|via|over|through|use) signal\b(?! (?:processing|analysis|integrity|intelligence|"
        r"chain|flow|path|noise|strength|detection))|\bsignal (?:app|messenger|number)\b",
        r"\b[\w.+-]+@" + _WEBMAIL + r"\.\w+",
        r"\b(?:personal|private) (?:e-?mail|email|address|phone|number)\b",
        r"\b(?:move|continue|take|switch) (?:this |our |the )?(?:conversation|discussion|chat|"
        r"talk)s? (?:to|on|off|over)\b",
        r"\b(?:call|text|message|reach|contact) me (?:on|at|via|directly)\b",
        r"\b(?:my|your) (?:mobile|cell|phone) (?:number|no\.?)\b|\bphone number\b",
        r"\boff (?:this |the )?(?:platform|site|linkedin)\b",
    ),
    "framing": (
        r"\bthink[- ]?tank\b",
        r"\b(?:research|policy|strategic|strategy) "
        r"(?:institute|centre|center|foundation|academy)\b",
        r"\b(?:head ?hunt\w*|executive search|talent (?:partner|acquisition|scout)\w*)",
        r"\b(?:consult(?:ing|ancy)) (?:firm|company|project|opportunit\w*|work|assignment)",
        r"\b(?:my|our|a|an) (?:\w+ )?clients? (?:in|from|based in) (?:asia|china|hong kong|"
        r"singapore|the (?:middle|far) east|overseas|abroad)\b",
        r"\b(?:geopolitical|political|policy|industry|market|defen[cs]e) (?:reports?|analys[ie]s|"
        r"insights?|papers?|briefings?)",
        r"\bwhite ?papers?\b",
        r"\bfellowship\b",
        r"\bpart[- ]time (?:adviser|advisor|consultant)",
    ),
    "nonpublic_request": (
        r"\bnon[- ]?public\b",
        r"\bnot (?:yet )?(?:public|published|announced)\b",
        r"\binternal (?:documents?|information|insights?|reports?|views?|discussions?|plans?|"
        r"thinking|memos?)",
        r"\binside(?:r)? (?:information|view|perspective|knowledge|insights?)\b",
        r"\b(?:upcoming|unannounced|classified|sensitive|restricted) (?:policy|policies|"
        r"decisions?|programmes?|programs?|projects?|information|documents?|contracts?|plans?)",
        r"\b(?:your|the) (?:department|ministry|agency|committee|office|unit)'?s? (?:plans?|"
        r"thinking|position|priorities|deliberations)",
        r"\bwhat (?:is|are) (?:really )?(?:happening|going on|being discussed) "
        r"(?:inside|within|in)",
    ),
    "credentials_request": (
        r"\b(?:send|share|forward|attach|provide) (?:me |us )?(?:a copy of )?(?:your )?"
        r"(?:updated |latest |full )?(?:cv|resume|résumé|curriculum vitae)\b",
        r"\b(?:security )?clearance(?: level)?\b",
        r"\b(?:cleared|vetted) (?:staff|personnel|to)\b",
        r"\bprojects? (?:you are|you're|you have been) (?:currently )?"
        r"(?:working|involved) (?:on|in)",
        r"\b(?:names?|list|contacts?|details) of (?:your |other )?" + _COLLEAGUES,
        r"\b(?:introduce|connect|refer) (?:me|us) (?:to|with) (?:your |some |other )?"
        + _COLLEAGUES.replace("(?:", "(?:boss|manager|", 1),
        r"\bwho (?:else )?(?:works|is working|are working) (?:on|in|with)\b",
    ),
    "document_link": (
        r"\bhttps?://\S+",
        r"\bwww\.\S+",
        r"\b(?:bit\.ly|tinyurl\.com|t\.me|wa\.me)/\S*",
        r"\b(?:open|download|review|see|check|read|fill (?:in|out)) (?:the |this |my )?"
        r"(?:attached|attachment|enclosed|document|file|link|pdf|form|job description)",
        r"\battached (?:file|document|pdf|brochure|form|job description|questionnaire)",
        r"\b[\w-]+\.(?:zip|rar|docm?|xlsm?|exe|scr|iso|lnk)\b",
        r"\bclick (?:on )?(?:the |this |my )?link\b",
    ),
}

CATEGORIES: tuple[str, ...] = tuple(_PATTERNS)
_COMPILED = {c: tuple(re.compile(p, re.IGNORECASE) for p in ps) for c, ps in _PATTERNS.items()}

#: Weights of the untrained rule score (a noisy-or over the categories present).
CATEGORY_WEIGHTS: dict[str, float] = {
    "flattery": 0.15, "payment": 0.35, "referral_bounty": 0.45, "travel": 0.3,
    "urgency_secrecy": 0.25, "off_platform": 0.3, "framing": 0.15, "nonpublic_request": 0.45,
    "credentials_request": 0.3, "document_link": 0.2,
}  # fmt: skip

_MEMBER_PHRASES: dict[str, str] = {
    "payment": "offer payment for reports or advice",
    "referral_bounty": "offer a reward for introducing other people",
    "travel": "offer paid travel",
    "off_platform": "ask to move to another app or a private address",
    "nonpublic_request": "ask about work that is not public",
    "credentials_request": "ask for your CV, projects, clearance or colleagues",
    "urgency_secrecy": "press for speed or secrecy",
    "document_link": "ask you to open a document or link",
    "flattery": "flatter you",
    "framing": "present themselves as a headhunter, consultancy or think tank",
}


@dataclass(frozen=True, slots=True)
class Cue:
    category: str
    phrase: str
    start: int
    end: int


def find_cues(text: str) -> list[Cue]:
    """Every phrase that matches a cue pattern, in text order.

    Overlapping matches of one category are merged into one quoted phrase."""
    cues: list[Cue] = []
    for category, patterns in _COMPILED.items():
        spans = sorted({m.span() for p in patterns for m in p.finditer(text) if m.group(0).strip()})
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        cues.extend(Cue(category, text[a:b].strip(), a, b) for a, b in merged)
    return sorted(cues, key=lambda c: (c.start, c.category))


def cue_vector(text: str) -> dict[str, float]:
    """How many phrases of each category fired, ``CATEGORIES`` order."""
    counts = dict.fromkeys(CATEGORIES, 0.0)
    for cue in find_cues(text):
        counts[cue.category] += 1.0
    return counts


def rule_score(categories: set[str] | frozenset[str]) -> float:
    """The untrained score: ``1 - prod(1 - weight)`` over the categories present."""
    keep = 1.0
    for category in categories:
        keep *= 1.0 - CATEGORY_WEIGHTS.get(category, 0.0)
    return round(1.0 - keep, 6)


def member_reason(categories: set[str] | frozenset[str], limit: int = 2) -> str | None:
    """A coarse reason for members: the two weightiest categories in plain words, no weights."""
    ranked = sorted(categories, key=lambda c: (-CATEGORY_WEIGHTS.get(c, 0.0), c))[:limit]
    phrases = [_MEMBER_PHRASES[c] for c in ranked if c in _MEMBER_PHRASES]
    return f"they {' and '.join(phrases)}" if phrases else None
