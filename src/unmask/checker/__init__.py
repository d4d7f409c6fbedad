"""The member-facing checker: a coarse, redacted assessment of one profile."""
