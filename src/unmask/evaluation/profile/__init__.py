"""Evaluation suites for the ``profile_model`` detector (see docs/profile-model.md)."""
