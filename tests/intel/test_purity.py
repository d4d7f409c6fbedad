"""The pure parts of intel (indicators, matching, formats) import no database, HTTP or web
framework, and the detector loads without the optional intel libraries being imported."""

from __future__ import annotations

import subprocess
import sys

PURE = [
    "unmask.intel.normalise",
    "unmask.intel.indicators",
    "unmask.intel.observe",
    "unmask.intel.fuzzy",
    "unmask.intel.pdq_index",
    "unmask.intel.matching",
    "unmask.intel.evidence",
    "unmask.intel.campaign",
    "unmask.intel.formats",
    "unmask.intel.formats.stix_in",
    "unmask.intel.formats.stix_out",
    "unmask.intel.formats.misp",
    "unmask.intel.formats.csv_in",
    "unmask.intel.detector",
]
FORBIDDEN = [
    "sqlalchemy",
    "httpx",
    "fastapi",
    "starlette",
    "alembic",
    "unmask.store",
    "stix2",
    "pymisp",
]


def test_pure_modules_import_no_io_framework() -> None:
    code = (
        "import importlib, sys\n"
        f"for m in {PURE!r}: importlib.import_module(m)\n"
        f"bad = [m for m in {FORBIDDEN!r} if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"imported: {out.stdout.strip()}"
