"""``unmask simulate``: write a synthetic network with planted campaigns to a folder."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table


def simulate(
    members: int = typer.Option(10_000, "--members", "-n", min=500, help="Number of accounts."),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same seed gives the same files."),
    out: Path = typer.Option(Path("sim-data"), "--out", "-o", help="Output folder."),
) -> None:
    """Generate a synthetic professional network with hostile campaigns and benign look-alikes.

    The data is synthetic: use it for plumbing, scale and demos. No detection figure measured on
    it says anything about real-world quality.
    """
    from unmask.sim import simulate as run

    console = Console()
    with Progress(
        TextColumn("{task.description:<28}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
    ) as bar:
        task = bar.add_task("starting", total=1.0)

        def progress(stage: str, done: float) -> None:
            bar.update(task, description=stage, completed=done)

        summary = run(members, seed, out, progress)
    table = Table(title=f"Simulated network in {summary.out} ({summary.seconds:.1f} s)")
    table.add_column("file")
    table.add_column("rows", justify="right")
    for name, count in summary.counts.items():
        table.add_row(f"{name}.jsonl", f"{count:,}")
    table.add_row("campaigns.json", f"{summary.campaigns:,} campaigns")
    console.print(table)
    mix = ", ".join(f"{k} {v}" for k, v in sorted(summary.archetypes.items()))
    console.print(
        f"{summary.fakes:,} fake accounts of {summary.members:,} "
        f"({100 * summary.fakes / summary.members:.2f}%); campaigns: {mix}"
    )
    console.print("Synthetic data: detection figures on it say nothing about real-world quality.")


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate)
