"""Batch execution of the pipeline over a snapshot."""

from unmask.engine.scan import ScanResult, run_scan

__all__ = ["ScanResult", "run_scan"]
