"""Plain-word evidence for the profile model: its largest per-feature contributions (TreeSHAP).

``explain`` turns the features of one account and their contributions (log-odds, from LightGBM's
``pred_contrib=True``) into reviewer sentences such as "account is 12 days old" or "2 of 3 employers
are not on the platform". Members see only coarse reasons (``member_text``), and only for features
that raised the score, so the wording is no evasion oracle.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from unmask.model import Evidence

Feats = Mapping[str, float]

_LEVELS = (
    "no senior title",
    "a senior or manager title",
    "a director-level title",
    "a C-level or founder title",
)


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _plural(value: float, word: str) -> str:
    return f"{_n(value)} {word}{'' if round(value) == 1 else 's'}"


def _verified(f: Feats) -> str:
    names = [
        n
        for n, k in (
            ("e-mail", "verified_email"),
            ("phone", "verified_phone"),
            ("workplace", "verified_workplace"),
        )
        if f.get(k) == 1.0
    ]
    return "verified: " + ", ".join(names) if names else "no verified e-mail, phone or workplace"


def _off(f: Feats) -> str:
    return (
        f"{_n(f['employers_off_platform'])} of {_n(f['n_employers'])} employers are not on "
        "the platform"
    )


def _len(word: str) -> Callable[[Feats, float], str]:
    return lambda f, v: f"{word} is empty" if v == 0 else f"{word} has {_n(v)} characters"


def _flag(yes: str, no: str) -> Callable[[Feats, float], str]:
    return lambda f, v: yes if v else no


_TEXT: dict[str, Callable[[Feats, float], str]] = {
    "account_age_days": lambda f, v: f"account is {_plural(v, 'day')} old",
    "has_photo": _flag("has a profile photo", "no profile photo"),
    "has_location": _flag("a location is given", "no location given"),
    "headline_len": _len("headline"),
    "has_headline": _flag("a headline is given", "no headline"),
    "about_len": _len("about section"),
    "n_positions": lambda f, v: f"{_plural(v, 'position')} listed",
    "n_education": lambda f, v: f"{_plural(v, 'education entry')} listed".replace("ys ", "ies "),
    "n_skills": lambda f, v: f"{_plural(v, 'skill')} listed",
    "completeness": lambda f, v: f"profile is {v:.0%} complete",
    "verified_email": lambda f, v: _verified(f),
    "verified_phone": lambda f, v: _verified(f),
    "verified_workplace": lambda f, v: _verified(f),
    "n_verified": lambda f, v: _verified(f),
    "n_employers": lambda f, v: f"{_plural(v, 'distinct employer')} listed",
    "employers_off_platform": lambda f, v: _off(f),
    "employers_off_platform_frac": lambda f, v: _off(f),
    "impossible_dates": lambda f, v: (
        f"{_plural(v, 'career or education date')} cannot be true "
        "(end before start, in the future or implausibly early)"
        if v
        else "career and education dates are plausible"
    ),
    "overlapping_positions": lambda f, v: (
        f"{_plural(v, 'pair')} of positions overlap by more than six months"
        if v
        else "no positions overlap"
    ),
    "career_years": lambda f, v: f"career listed over {v:.0f} years",
    "title_seniority": lambda f, v: f"highest title is {_LEVELS[int(v)]}",
    "title_inflation": _flag(
        "a director-level title within 3 years of the first listed job",
        "titles rise at a plausible pace",
    ),
    "current_positions": lambda f, v: f"{_plural(v, 'current position')}",
    "connections": lambda f, v: _plural(v, "connection"),
    "followers": lambda f, v: _plural(v, "follower"),
    "following": lambda f, v: f"follows {_plural(v, 'account')}",
    "posts": lambda f, v: _plural(v, "post"),
    "following_follower_ratio": lambda f, v: (
        f"follows {_n(f['following'])} accounts and is followed by {_n(f['followers'])}"
    ),
    "posts_follower_ratio": lambda f, v: (
        f"has {_plural(f['posts'], 'post')} and {_plural(f['followers'], 'follower')}"
    ),
    "posts_following_ratio": lambda f, v: (
        f"has {_plural(f['posts'], 'post')} and follows {_plural(f['following'], 'account')}"
    ),
    "posts_per_day": lambda f, v: f"{v:.2f} posts a day since joining",
    "followers_per_day": lambda f, v: f"gained {v:.2f} followers a day since joining",
    "following_per_day": lambda f, v: f"followed {v:.2f} accounts a day since joining",
    "connections_per_day": lambda f, v: f"{v:.2f} new connections a day since joining",
    "invitations_sent": lambda f, v: f"sent {_plural(v, 'invitation')}",
    "invitations_per_day": lambda f, v: f"{v:.2f} invitations sent a day since joining",
    "invitation_acceptance": lambda f, v: f"{v:.0%} of its invitations were accepted",
    "name_len": lambda f, v: f"name has {_plural(v, 'character')}",
    "name_tokens": lambda f, v: f"name has {_plural(v, 'word')}",
    "name_digits": lambda f, v: f"name contains {_plural(v, 'digit')}",
    "name_digits_frac": lambda f, v: f"{v:.0%} of the name is digits",
    "name_nonletter_frac": lambda f, v: f"{v:.0%} of the name is digits or symbols",
    "name_lowercase": _flag("name is written all in lower case", "name is capitalised"),
    "headline_recruiter": _flag(
        "headline uses recruiter, consultancy or think-tank words",
        "headline has no recruiter or consultancy words",
    ),
    "headline_has_url": _flag("headline contains a link", "headline has no link"),
}

_UNKNOWN = {
    "followers": "number of followers",
    "following": "number of accounts followed",
    "posts": "number of posts",
    "connections": "number of connections",
}

#: Coarse reasons a member may see, by feature (only when the feature raised the score).
_MEMBER: dict[str, str] = {
    "account_age_days": "the account is new",
    "n_verified": "nothing on it is verified",
    "verified_email": "nothing on it is verified",
    "verified_phone": "nothing on it is verified",
    "completeness": "the profile has little detail",
    "about_len": "the profile has little detail",
    "n_positions": "the profile has little detail",
    "n_education": "the profile has little detail",
    "impossible_dates": "the career history does not add up",
    "overlapping_positions": "the career history does not add up",
    "title_inflation": "the career history does not add up",
    "employers_off_platform": "employers could not be found",
    "employers_off_platform_frac": "employers could not be found",
}


def describe(name: str, feats: Feats) -> str:
    """One feature of ``feats`` (all of ``profile_features``'s output) in plain words."""
    value = feats.get(name, math.nan)
    if math.isnan(value):
        return f"{_UNKNOWN.get(name, name.replace('_', ' '))} is unknown"
    text = _TEXT.get(name)
    try:
        return text(feats, value) if text else f"{name.replace('_', ' ')} = {value:g}"
    except (KeyError, ValueError, IndexError):  # a companion feature is missing or unknown
        return f"{name.replace('_', ' ')} = {value:g}"


def explain(feats: Feats, contributions: Mapping[str, float], top: int = 5) -> tuple[Evidence, ...]:
    """The ``top`` largest contributions (by size), one sentence per distinct fact."""
    ranked = sorted(contributions.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
    out: list[Evidence] = []
    seen: set[str] = set()
    for name, contrib in ranked:
        if len(out) >= top or abs(contrib) < 1e-9:
            break
        text = describe(name, feats)
        if text in seen:
            continue
        seen.add(text)
        member = _MEMBER.get(name) if contrib > 0 else None
        value = feats.get(name, math.nan)
        data = {
            "feature": name,
            "value": None if math.isnan(value) else value,
            "contribution": round(contrib, 6),
        }
        out.append(Evidence(text, weight=round(contrib, 6), member_text=member, data=data))
    if not out:
        out.append(Evidence("no profile feature moved the score away from the training base rate"))
    return tuple(out)
