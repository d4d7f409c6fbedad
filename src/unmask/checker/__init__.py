"""The member-facing checker: a coarse, redacted assessment of one profile, and the exposure
audit of a member's own profile. Pure: no database, web framework or HTTP client."""

from unmask.checker.assessment import CheckRequest, CheckResult, checker_policy, run_check
from unmask.checker.exposure import ExposureReport, audit
from unmask.checker.intake import IntakeError, profile_from_input
from unmask.checker.questions import QUESTIONS, Question
from unmask.checker.redaction import PublicCheck, level_of

__all__ = [
    "QUESTIONS",
    "CheckRequest",
    "CheckResult",
    "ExposureReport",
    "IntakeError",
    "PublicCheck",
    "Question",
    "audit",
    "checker_policy",
    "level_of",
    "profile_from_input",
    "run_check",
]
