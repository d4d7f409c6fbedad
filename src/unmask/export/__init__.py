"""A member's own network, from the data export a professional network lets them download:
contacts and approaches ranked by risk, with reasons and what to do. Runs locally: nothing is
sent anywhere and nothing is stored."""

from unmask.export.archive import (
    ExportError,
    ExportLimits,
    ExportTooLargeError,
    read_export,
    read_upload,
    read_zip,
)
from unmask.export.inspect import Approach, Inspection, inspect

__all__ = [
    "Approach",
    "ExportError",
    "ExportLimits",
    "ExportTooLargeError",
    "Inspection",
    "inspect",
    "read_export",
    "read_upload",
    "read_zip",
]
