"""``unmask evaluate``: measure the detectors on real third-party data."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from unmask.cli.common import console, err_console, plugins, settings


def evaluate(
    data: Path | None = typer.Option(
        None, help="Evaluation data folder (default ../shared/data or $UNMASK_EVAL_DATA)."
    ),
    json_out: Path | None = typer.Option(None, "--json", help="Write the rows to this JSON file."),
    suite: list[str] | None = typer.Option(None, "--suite", help="Run only these suites."),
    update_doc: Path | None = typer.Option(
        None, "--update-doc", help="Replace the results table in this Markdown file."
    ),
    merge: bool = typer.Option(
        False,
        "--merge",
        help="Keep the rows of suites not run from the existing --json file (with --suite).",
    ),
) -> None:
    """Run every evaluation suite whose data is present; print a table and optionally write JSON.

    Source-out rows (train on one source, test on another: the headline figures) come first,
    in-source cross-validation after.
    """
    from unmask.evaluation import run_suites
    from unmask.evaluation.source_out import source_out_first

    root = data or settings().eval_data
    rows = run_suites(
        root,
        set(suite) if suite else None,
        on_skip=lambda s, why: err_console.print(f"[yellow]skipped {s}:[/] {why}"),
        suites=plugins().suites,
    )
    rows = source_out_first(rows)
    table = Table(title=f"Evaluation on {root}")
    for col in ("detector", "suite", "split", "metric", "value", "n"):
        table.add_column(col, justify="right" if col in ("value", "n") else "left")
    for r in rows:
        table.add_row(r.detector, r.suite, r.split, r.metric, f"{r.value:.4f}", str(r.n))
    console.print(table)
    out = [r.as_dict() for r in rows]
    if merge:
        if json_out is None or not json_out.exists():
            raise typer.BadParameter("--merge needs an existing --json file")
        from unmask.evaluation.report import merge_rows

        out = source_out_first(merge_rows(json.loads(json_out.read_text()), out))
    if json_out:
        json_out.write_text(json.dumps(out, indent=2) + "\n")
        console.print(f"wrote {len(out)} rows to {json_out}")
    if update_doc:
        from unmask.evaluation.report import update_doc as write_doc

        write_doc(update_doc, out)
        console.print(f"updated the results table in {update_doc}")


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
