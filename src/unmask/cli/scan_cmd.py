"""``unmask scan`` and ``unmask train``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import Progress
from rich.table import Table

from unmask.cli.common import console, err_console, fail, open_store, plugins
from unmask.cli.common import policy as resolve


def scan(
    policy: Path | None = typer.Option(
        None, help="A policy TOML file (default: $UNMASK_POLICY, else the shipped one)."
    ),
    detector: list[str] | None = typer.Option(
        None, "--detector", "-d", help="Run only these detectors (repeatable)."
    ),
    engine: str = typer.Option(
        "duckdb", help="Where the network features run: duckdb (in process) or spark."
    ),
    spark_master: str = typer.Option(
        "local[2]",
        "--spark-master",
        help="With --engine spark: the master URL (local[N], or spark://HOST:PORT of a cluster).",
    ),
    spark_memory: str = typer.Option(
        "2g", "--spark-driver-memory", help="With --engine spark: the driver's memory."
    ),
    snapshot: Path | None = typer.Option(
        None,
        "--snapshot",
        help="Scan a folder of interchange files (JSONL or Parquet) instead of the store.",
        exists=True,
        file_okay=False,
    ),
    stage: str | None = typer.Option(
        None, help="Re-run one stage (load, features, detect, assess) of an earlier scan."
    ),
    scan_id: int | None = typer.Option(
        None, "--scan", help="The scan whose stage to re-run (default: the latest)."
    ),
) -> None:
    """Run the detectors over the store (or a snapshot folder), link campaigns, keep the results."""
    from unmask.engine import run_scan
    from unmask.engine.batch import STAGES, StageError

    found = plugins()
    if engine not in found.engines:
        raise fail(f"unknown engine {engine!r}: use {' or '.join(sorted(found.engines))}")
    if stage is not None and stage not in STAGES:
        raise fail(f"unknown stage {stage!r}: one of {', '.join(STAGES)}")

    pol = resolve(policy)
    registry = found.detectors
    unknown = [d for d in detector or [] if d not in registry]
    if unknown:
        raise fail(f"unknown detector(s) {', '.join(unknown)}; see 'unmask detectors'")
    if snapshot is not None and stage is None and not _has_accounts_file(snapshot):
        raise fail(f"{snapshot} holds no accounts file: nothing to scan")
    with open_store() as store, Progress(console=console) as progress:
        if snapshot is None and stage is None and store.count("account") == 0:
            raise fail("the store holds no accounts: nothing to scan (run 'unmask ingest' first)")
        task = progress.add_task("snapshot", total=None)

        def on_stage(name: str, done: int, total: int) -> None:
            progress.update(task, description=name, completed=done, total=total)

        try:
            result = run_scan(
                store,
                pol,
                detector or None,
                on_stage,
                engine=engine,
                source=snapshot,
                stage=stage,
                scan_id=scan_id,
                engine_options=(
                    {"master": spark_master, "memory": spark_memory} if engine == "spark" else None
                ),
                plugins=found,
            )
        except (StageError, ImportError) as exc:
            raise fail(str(exc)) from None
    for name, error in result.detector_errors.items():
        err_console.print(f"[yellow]skipped {name}:[/] {error}")
    table = Table(title=f"Scan {result.scan_id} (policy {pol.version})")
    table.add_column("route")
    table.add_column("accounts", justify="right")
    for route, n in sorted(result.routes().items()):
        table.add_row(route, str(n))
    console.print(table)
    if result.combination:
        console.print(result.combination)
    if result.campaigns:
        console.print(
            f"{len(result.campaigns)} campaign(s) of linked flagged accounts; largest: "
            f"{max(len(c.members) for c in result.campaigns)} accounts"
        )
    elif stage not in (None, "assess"):
        console.print(f"stage {stage} of scan {result.scan_id} re-run; its output is cached")


def _has_accounts_file(folder: Path) -> bool:
    from unmask.formats import kind_for_path

    return any(
        kind_for_path(p) == "account" and p.stat().st_size > 0
        for p in folder.rglob("*")
        if p.is_file()
    )


def train(
    policy: Path | None = typer.Option(
        None, help="A policy TOML file (default: $UNMASK_POLICY, else the shipped one)."
    ),
) -> None:
    """Fit the trainable detectors from the labels (and reviewer decisions) in the store, then the
    learned combination of all detectors on out-of-fold findings."""
    from unmask.engine.train import train_all

    pol = resolve(policy)
    with open_store() as store, console.status("training") as status:
        report = train_all(
            store,
            plugins().detectors,
            policy=pol,
            progress=lambda what: status.update(f"out-of-fold: {what}"),
        )
    if not report.labels:
        raise fail("no labels in the store: ingest a labels file first")
    console.print(f"{report.labels} labels ({report.fakes} fake)")
    for name, path in report.trained.items():
        console.print(f"trained [bold]{name}[/] -> {path}")
    for name, why in report.skipped.items():
        err_console.print(f"[yellow]not trained {name}:[/] {why}")
    if report.combiner:
        console.print(f"combination: {report.combiner}")
    if not report.trained:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)
    app.command("train")(train)
