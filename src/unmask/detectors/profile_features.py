"""Profile features: one pure function of (Account, Snapshot) -> named floats.

The single definition shared by the ``profile_model`` detector, the batch engine and the
member-facing checker. Counts come from the snapshot's graph when it carries one (connections,
invitations) and from ``Account.stats`` (platform-reported counts) otherwise. A value that cannot
be known is NaN (LightGBM treats it as missing), never a silent 0.

``FEATURE_SOURCES`` names the record fields each feature is derived from, so that an adapter for a
data set that does not carry a field can leave out exactly the features that would be meaningless.
Bump ``FEATURES_VERSION`` whenever a feature's definition changes: artefacts record it.

``MODEL_FEATURES`` is what the model trains on by default: every feature except the raw counts and
lengths whose scale is set by the platform (follower, following, post, connection and invitation
counts; name and headline lengths). Those stay in ``FEATURE_NAMES`` for the evidence sentences, and
enter the model only as platform-free forms: log ratios between counts
(``following_follower_ratio``, ``posts_follower_ratio``, ``posts_following_ratio``), rates per day
of account age (``*_per_day``), presence flags and fractions (``has_headline``,
``name_digits_frac``). A model trained on one platform then reads the same quantities on another.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from unmask.detectors import profile_career as career
from unmask.model import Account, Snapshot
from unmask.model.enums import InvitationStatus

FEATURES_VERSION = "2"
NAN = math.nan

_RECRUITER = re.compile(
    r"\b(recruit\w*|headhunt\w*|talent|hiring|executive search|consult\w*|think[- ]tank|"
    r"fellow|opportunit\w*)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_NAME_OK = re.compile(r"[\w\s.'\-]", re.UNICODE)

#: feature name -> the record fields it is derived from ("stats.x": a platform count).
FEATURE_SOURCES: Mapping[str, frozenset[str]] = {
    name: frozenset(sources.split())
    for name, sources in {
        "has_photo": "photo",
        "has_location": "location",
        "headline_len": "headline",
        "has_headline": "headline",
        "about_len": "about",
        "n_positions": "positions",
        "n_education": "education",
        "n_skills": "skills",
        "completeness": "photo headline location about positions education skills",
        "account_age_days": "created_at",
        "verified_email": "verified",
        "verified_phone": "verified",
        "verified_workplace": "verified",
        "n_verified": "verified",
        "n_employers": "positions",
        "employers_off_platform": "positions organisations",
        "employers_off_platform_frac": "positions organisations",
        "impossible_dates": "positions education",
        "overlapping_positions": "positions",
        "career_years": "positions",
        "title_seniority": "positions",
        "title_inflation": "positions",
        "current_positions": "positions",
        "connections": "stats.connections",
        "followers": "stats.followers",
        "following": "stats.following",
        "posts": "stats.posts",
        "following_follower_ratio": "stats.followers stats.following",
        "posts_follower_ratio": "stats.posts stats.followers",
        "posts_following_ratio": "stats.posts stats.following",
        "posts_per_day": "stats.posts created_at",
        "followers_per_day": "stats.followers created_at",
        "following_per_day": "stats.following created_at",
        "connections_per_day": "stats.connections created_at",
        "invitations_sent": "invitations",
        "invitations_per_day": "invitations created_at",
        "invitation_acceptance": "invitations",
        "name_len": "name",
        "name_tokens": "name",
        "name_digits": "name",
        "name_digits_frac": "name",
        "name_nonletter_frac": "name",
        "name_lowercase": "name",
        "headline_recruiter": "headline",
        "headline_has_url": "headline",
    }.items()
}

FEATURE_NAMES: tuple[str, ...] = tuple(FEATURE_SOURCES)

#: Raw counts and lengths whose scale is the platform's: evidence only, never a default input.
PLATFORM_SCALED: frozenset[str] = frozenset(
    {
        "connections",
        "followers",
        "following",
        "posts",
        "invitations_sent",
        "name_len",
        "name_digits",
        "headline_len",
    }
)
MODEL_FEATURES: tuple[str, ...] = tuple(n for n in FEATURE_NAMES if n not in PLATFORM_SCALED)


def _flag(value: bool) -> float:
    return 1.0 if value else 0.0


def _per_day(count: float, age_days: float) -> float:
    return count / max(age_days, 1.0)


def _log_ratio(numerator: float, denominator: float) -> float:
    """log(1 + a) - log(1 + b): a scale-free comparison of two counts (NaN if either is)."""
    return math.log1p(numerator) - math.log1p(denominator)


def _completeness(a: Account) -> dict[str, float]:
    sections = (
        a.photo is not None,
        bool(a.headline),
        bool(a.location),
        bool(a.about),
        bool(a.positions),
        bool(a.education),
        bool(a.skills),
    )
    return {
        "has_photo": _flag(a.photo is not None),
        "has_location": _flag(bool(a.location)),
        "headline_len": float(len(a.headline)),
        "has_headline": _flag(bool(a.headline.strip())),
        "about_len": float(len(a.about)),
        "n_positions": float(len(a.positions)),
        "n_education": float(len(a.education)),
        "n_skills": float(len(a.skills)),
        "completeness": sum(sections) / len(sections),
    }


def _verification(a: Account) -> dict[str, float]:
    flags = (a.verified_email, a.verified_phone, a.verified_workplace)
    return {
        "verified_email": _flag(a.verified_email),
        "verified_phone": _flag(a.verified_phone),
        "verified_workplace": _flag(a.verified_workplace),
        "n_verified": float(sum(flags)),
    }


def _career(a: Account, snapshot: Snapshot) -> dict[str, float]:
    today = snapshot.as_of.date()
    n_employers = float(len(career.employers(a)))
    off = career.employers_off_platform(a, snapshot)
    return {
        "n_employers": n_employers,
        "employers_off_platform": off,
        "employers_off_platform_frac": off / n_employers if n_employers else NAN,
        "impossible_dates": career.impossible_dates(a, today),
        "overlapping_positions": career.overlapping_positions(a, today),
        "career_years": career.career_years(a, today),
        "title_seniority": career.max_seniority(a),
        "title_inflation": career.title_inflation(a),
        "current_positions": float(sum(1 for p in a.positions if p.end is None)),
    }


def _stat(a: Account, field: str) -> float:
    value = getattr(a.stats, field) if a.stats is not None else None
    return NAN if value is None else float(value)


def _counts(a: Account, snapshot: Snapshot, age_days: float) -> dict[str, float]:
    if snapshot.connections:
        connections = float(len(snapshot.neighbours.get(a.id, ())))
    else:
        connections = _stat(a, "connections")
    followers, following, posts = (_stat(a, f) for f in ("followers", "following", "posts"))
    sent, acceptance = NAN, NAN
    if snapshot.invitations:
        invites = snapshot.invitations_by_sender.get(a.id, ())
        sent = float(len(invites))
        if invites:
            accepted = sum(1 for i in invites if i.status is InvitationStatus.ACCEPTED)
            acceptance = accepted / len(invites)
    return {
        "connections": connections,
        "followers": followers,
        "following": following,
        "posts": posts,
        "following_follower_ratio": _log_ratio(following, followers),
        "posts_follower_ratio": _log_ratio(posts, followers),
        "posts_following_ratio": _log_ratio(posts, following),
        "posts_per_day": _per_day(posts, age_days),
        "followers_per_day": _per_day(followers, age_days),
        "following_per_day": _per_day(following, age_days),
        "connections_per_day": _per_day(connections, age_days),
        "invitations_sent": sent,
        "invitations_per_day": _per_day(sent, age_days),
        "invitation_acceptance": acceptance,
    }


def _name_headline(a: Account) -> dict[str, float]:
    name = a.name
    letters = [c for c in name if c.isalpha()]
    odd = sum(1 for c in name if not _NAME_OK.match(c) or c.isdigit() or c == "_")
    digits = sum(c.isdigit() for c in name)
    return {
        "name_len": float(len(name)),
        "name_tokens": float(len(name.split())),
        "name_digits": float(digits),
        "name_digits_frac": digits / len(name),
        "name_nonletter_frac": odd / len(name),
        "name_lowercase": _flag(bool(letters) and all(c.islower() for c in letters)),
        "headline_recruiter": _flag(bool(_RECRUITER.search(a.headline))),
        "headline_has_url": _flag(bool(_URL.search(a.headline))),
    }


def profile_features(account: Account, snapshot: Snapshot) -> dict[str, float]:
    """Every feature in ``FEATURE_NAMES`` for one account, as of ``snapshot.as_of``."""
    age_days = max((snapshot.as_of - account.created_at).total_seconds() / 86400.0, 0.0)
    out: dict[str, float] = {"account_age_days": age_days}
    out |= _completeness(account)
    out |= _verification(account)
    out |= _career(account, snapshot)
    out |= _counts(account, snapshot, age_days)
    out |= _name_headline(account)
    return {name: out[name] for name in FEATURE_NAMES}


def features_without(absent_fields: frozenset[str]) -> tuple[str, ...]:
    """The features that do not depend on any of ``absent_fields`` (fields a source lacks)."""
    return tuple(n for n in FEATURE_NAMES if not FEATURE_SOURCES[n] & absent_fields)
