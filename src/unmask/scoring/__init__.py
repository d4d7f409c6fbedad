"""Scoring: policies (versioned data) and the combination of findings into assessments."""

from unmask.scoring.combine import combine, noisy_or, route_for
from unmask.scoring.learned import LearnedCombiner
from unmask.scoring.policy import Policy, PolicyError, load_policy, parse_policy

__all__ = [
    "LearnedCombiner",
    "Policy",
    "PolicyError",
    "combine",
    "load_policy",
    "noisy_or",
    "parse_policy",
    "route_for",
]
