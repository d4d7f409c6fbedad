"""``unmask ingest``: load interchange files into the store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from unmask.cli.common import console, err_console, fail, open_store


def ingest(
    paths: list[Path] = typer.Argument(
        ..., help="Interchange files or folders (JSONL, CSV, Parquet)."
    ),
    show: int = typer.Option(10, help="How many quarantined rows to print per file."),
    observed_at: str | None = typer.Option(
        None,
        "--observed-at",
        help="When the export was taken (ISO 8601, e.g. 2026-12-01T00:00Z): the observation time "
        "of records without their own update time. Default: the time of ingest.",
    ),
) -> None:
    """Ingest records: bad rows are reported with file, line and field and quarantined; re-running
    adds nothing; an interrupted run resumes where it stopped. A changed account, organisation
    or label is a new version ("updated"); an older observation never replaces a newer one."""
    from unmask.ingest import ingest as run

    observed = _when(observed_at)
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(map(str, missing))}")
    with (
        open_store() as store,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
        ) as progress,
    ):
        tasks: dict[Path, TaskID] = {}

        def on_file(path: Path, total: int | None) -> None:
            tasks[path] = progress.add_task(path.name, total=total)

        def on_progress(path: Path, line: int) -> None:
            progress.update(tasks[path], completed=line)

        summary = run(store, paths, on_progress, on_file, observed=observed)
        for task in tasks.values():
            t = progress._tasks[task]
            progress.update(task, completed=t.total or t.completed)
    table = Table(title="Ingest summary")
    for col in ("file", "type", "accepted", "updated", "already present", "quarantined", "note"):
        table.add_column(col, justify="right" if col not in ("file", "type", "note") else "left")
    for f in summary.files:
        note = f.error or (
            "already ingested"
            if f.skipped
            else f"resumed after line {f.resumed_from}"
            if f.resumed_from
            else ""
        )
        counts = (f.accepted, f.updated, f.present, f.quarantined)
        table.add_row(str(f.path), f.kind or "-", *map(str, counts), note)
    table.add_row(
        "total",
        "",
        *(str(summary.total(a)) for a in ("accepted", "updated", "present", "quarantined")),
        "",
        style="bold",
    )
    console.print(table)
    for f in summary.files:
        for line, field, error in f.problems[:show]:
            where = f"{f.path}:{line}" + (f" field {field}" if field else "")
            err_console.print(f"[yellow]quarantined[/] {where}: {error}")
        if len(f.problems) > show:
            err_console.print(f"... and more in {store.settings.quarantine_dir}")
    if any(f.error for f in summary.files):
        for f in summary.files:
            if f.error:
                err_console.print(f"[bold red]error:[/] {f.error}")
        raise typer.Exit(1)
    if not summary.files:
        raise fail(
            "no interchange files found in "
            + ", ".join(map(str, paths))
            + " (.jsonl, .ndjson, .csv, .parquet, optionally .gz)"
        )
    rows = sum(f.accepted + f.updated + f.quarantined + f.present for f in summary.files)
    if rows == 0 and not any(f.skipped or f.resumed_from for f in summary.files):
        raise fail("nothing ingested: the files hold no rows")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)


def _when(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise fail(f"--observed-at: not an ISO 8601 time: {text!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
