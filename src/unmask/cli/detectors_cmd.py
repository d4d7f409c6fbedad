"""``unmask detectors``: list the registered detectors."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table


def detectors() -> None:
    """List every registered detector with its name, version and what it needs."""
    from unmask.detectors import load_builtin, registry

    load_builtin()
    table = Table(title="Registered detectors")
    for col in ("name", "version", "needs", "description"):
        table.add_column(col)
    for det in registry:
        table.add_row(det.name, det.version, ", ".join(sorted(det.needs)), det.description)
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("detectors")(detectors)
