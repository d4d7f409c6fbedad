"""``unmask``: the command-line entry point. The commands come from the plugins' ``unmask_commands``
hook (unmask's own in ``unmask.plugins.builtin``, one module each under ``unmask.cli``)."""

from __future__ import annotations

import typer

from unmask import __version__
from unmask.cli.common import Started, settings
from unmask.settings import load_settings

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
    settings()  # read the UNMASK_* environment once, here; a bad value stops every command


def _register_commands(started: Started | None = None) -> Started:
    """Load the settings and the plugins once and add every plugin's commands (unmask's own
    among them) to the application."""
    started = started or Started(load_settings())
    started.loaded().add_commands(app)
    return started


def main() -> None:
    try:
        started = Started(load_settings())
    except ValueError as exc:
        raise SystemExit(f"error: invalid setting: {exc}") from None
    app(obj=_register_commands(started))
