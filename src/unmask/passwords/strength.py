"""Password strength feedback from zxcvbn (the ``passwords`` extra), for local use only."""

from __future__ import annotations

from dataclasses import dataclass


class StrengthUnavailableError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class Strength:
    score: int  # 0 (guessable in seconds) .. 4 (very unguessable)
    crack_time: str
    warning: str
    suggestions: tuple[str, ...]


def strength(password: str, user_inputs: tuple[str, ...] = ()) -> Strength:
    try:
        from zxcvbn import zxcvbn
    except ImportError as exc:
        raise StrengthUnavailableError(
            "zxcvbn is not installed: pip install 'unmask[passwords]'"
        ) from exc
    result = zxcvbn(password[:100], user_inputs=list(user_inputs))
    feedback = result.get("feedback", {})
    times = result.get("crack_times_display", {})
    return Strength(
        score=int(result["score"]),
        crack_time=str(times.get("offline_slow_hashing_1e4_per_second", "")),
        warning=str(feedback.get("warning", "")),
        suggestions=tuple(str(s) for s in feedback.get("suggestions", [])),
    )
