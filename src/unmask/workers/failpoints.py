"""The workers' failpoints are ``unmask.failpoints`` (shared with the review desk)."""

from unmask.failpoints import failpoint

__all__ = ["failpoint"]
