"""Ingestion: interchange files -> validated records in the store; bad rows quarantined."""

from unmask.ingest.runner import FileSummary, IngestSummary, discover, ingest, ingest_file
from unmask.ingest.validate import Problem, validate_row

__all__ = [
    "FileSummary",
    "IngestSummary",
    "Problem",
    "discover",
    "ingest",
    "ingest_file",
    "validate_row",
]
