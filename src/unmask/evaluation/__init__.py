"""Honest measurement of detectors on real third-party data (see docs/evaluation.md)."""

from unmask.evaluation.rows import METRICS, EvalRow, binary_metrics, data_dir
from unmask.evaluation.suites import run_suites

__all__ = ["METRICS", "EvalRow", "binary_metrics", "data_dir", "run_suites"]
