"""Scoring: policies (versioned data) and the combination of findings into assessments."""

from unmask.scoring.combine import combine, noisy_or, route_for
from unmask.scoring.enforcement import Enforcement, Step
from unmask.scoring.learned import LearnedCombiner
from unmask.scoring.policy import Known, load_policy, parse_policy, resolve_policy
from unmask.scoring.policy_errors import PolicyError, Problem
from unmask.scoring.policy_model import DetectorPolicy, Policy, Review

__all__ = [
    "DetectorPolicy",
    "Enforcement",
    "Known",
    "LearnedCombiner",
    "Policy",
    "PolicyError",
    "Problem",
    "Review",
    "Step",
    "combine",
    "load_policy",
    "noisy_or",
    "parse_policy",
    "resolve_policy",
    "route_for",
]
