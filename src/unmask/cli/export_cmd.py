"""``unmask inspect-export``: a member's own network, from their data export."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from unmask.cli.common import console, fail

_COLOUR = {"high": "red", "medium": "yellow", "low": "green"}


def inspect_export(
    path: Path = typer.Argument(
        ..., help="The data export: the downloaded .zip, its unpacked folder, or one of its CSVs."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the inspection as JSON."),
    html: Path | None = typer.Option(None, "--html", help="Also write the HTML page here."),
    show_all: bool = typer.Option(
        False, "--all", help="List everyone who wrote, not only medium and high risk."
    ),
    member: str | None = typer.Option(
        None, help="Your name as the export shows it (found from the messages when not given)."
    ),
) -> None:
    """Rank the contacts and approaches in your data export by risk, with reasons and what to do.
    Runs on this computer only: nothing is sent anywhere."""
    from rich.progress import Progress
    from rich.table import Table

    from unmask.export import ExportError, inspect, read_export
    from unmask.export.render import render_html

    try:
        files = read_export(path)
        quiet = as_json or not console.is_terminal
        with Progress(console=console, transient=True, disable=quiet) as bar:
            task = bar.add_task("rating the people who wrote to you", total=None)
            result = inspect(
                files, member, progress=lambda done, n: bar.update(task, completed=done, total=n)
            )
    except ExportError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot read {path}: {exc.strerror or exc}") from None
    if html is not None:
        html.write_text(render_html(result), encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(result.as_dict(include_low=show_all), indent=2, ensure_ascii=False))
        return
    counts = result.counts()
    console.print(
        f"{result.contacts} connections, "
        f"{sum(bool(a.person.sent) for a in result.approaches)} people wrote to you: "
        f"[bold red]{counts['high']} high[/], [bold yellow]{counts['medium']} medium[/], "
        f"{counts['low']} low"
    )
    if result.texts_not_read:
        console.print(
            f"(read each person's first messages: {result.texts_not_read:,} later ones not read)"
        )
    table = Table(show_lines=True)
    for column in ("Risk", "Who", "Why", "What to do"):
        table.add_column(column, overflow="fold")
    for a in result.approaches:
        if a.risk == "low" and not show_all:
            continue
        p = a.person
        who = "\n".join(x for x in (p.name, p.position, p.company) if x)
        table.add_row(
            f"[bold {_COLOUR[a.risk]}]{a.risk}[/]",
            who,
            "\n".join(f"- {r}" for r in a.reasons),
            "\n".join(f"- {x}" for x in a.actions),
        )
    if table.row_count:
        console.print(table)
    else:
        console.print("Nothing in your export stands out.")
    if html is not None:
        console.print(f"HTML page: {html}")


def register(app: typer.Typer) -> None:
    app.command("inspect-export")(inspect_export)
