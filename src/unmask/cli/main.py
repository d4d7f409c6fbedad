"""``unmask``: the command-line entry point. Each command lives in its own module under
``unmask.cli`` and is added here."""

from __future__ import annotations

import typer

from unmask import __version__

app = typer.Typer(
    name="unmask",
    help="Find and remove fake professional-network profiles used for hostile approaches.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"unmask {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Find and remove fake professional-network profiles used for hostile approaches."""


def _register_commands() -> None:
    # One module per command group; each exposes ``register(app)``.
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(module).register(app)


COMMAND_MODULES: tuple[str, ...] = (
    "unmask.cli.detectors_cmd",
    "unmask.cli.simulate_cmd",
    "unmask.cli.ingest_cmd",
    "unmask.cli.scan_cmd",
    "unmask.cli.evaluate_cmd",
    "unmask.cli.users_cmd",
    "unmask.cli.serve_cmd",
    "unmask.cli.worker_cmd",
    "unmask.cli.intel_cmd",
    "unmask.cli.review_cmd",
    "unmask.cli.member_cmd",
    "unmask.cli.export_cmd",
    "unmask.cli.org_cmd",
)


def main() -> None:
    _register_commands()
    app()
