"""Scoring: policies (versioned data) and the combination of findings into assessments."""

from unmask.scoring.combine import combine
from unmask.scoring.policy import Policy, PolicyError, load_policy, parse_policy

__all__ = ["Policy", "PolicyError", "combine", "load_policy", "parse_policy"]
