"""``unmask detectors``: list the registered detectors."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from unmask.cli.common import plugins


def detectors() -> None:
    """List every registered detector: name, version, what it needs, the plugin it comes from."""
    registry = plugins().detectors
    table = Table(title="Registered detectors")
    for col in ("name", "version", "needs", "plugin", "description"):
        table.add_column(col)
    for det in registry:
        needs = ", ".join(sorted(det.needs))
        table.add_row(det.name, det.version, needs, registry.origin(det.name), det.description)
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("detectors")(detectors)
