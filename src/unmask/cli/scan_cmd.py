"""``unmask scan`` and ``unmask train``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import Progress
from rich.table import Table

from unmask.cli.common import console, err_console, fail, open_store


def scan(
    policy: Path | None = typer.Option(None, help="A policy TOML file (default: the shipped one)."),
    detector: list[str] | None = typer.Option(
        None, "--detector", "-d", help="Run only these detectors (repeatable)."
    ),
) -> None:
    """Run the registered detectors over the store and keep findings and assessments."""
    from unmask.detectors import load_builtin, registry
    from unmask.engine import run_scan
    from unmask.scoring import PolicyError, load_policy

    try:
        pol = load_policy(policy)
    except PolicyError as exc:
        raise fail(str(exc)) from None
    load_builtin()
    unknown = [d for d in detector or [] if d not in registry]
    if unknown:
        raise fail(f"unknown detector(s) {', '.join(unknown)}; see 'unmask detectors'")
    with open_store() as store, Progress(console=console) as progress:
        task = progress.add_task("snapshot", total=None)

        def on_stage(name: str, done: int, total: int) -> None:
            progress.update(task, description=name, completed=done, total=total)

        result = run_scan(store, pol, detector or None, on_stage)
    for name, error in result.detector_errors.items():
        err_console.print(f"[yellow]skipped {name}:[/] {error}")
    table = Table(title=f"Scan {result.scan_id} (policy {pol.version})")
    table.add_column("route")
    table.add_column("accounts", justify="right")
    for route, n in sorted(result.routes().items()):
        table.add_row(route, str(n))
    console.print(table)


def train() -> None:
    """Fit the trainable detectors from the labels (and reviewer decisions) in the store."""
    from unmask.detectors import TrainableDetector, load_builtin, registry
    from unmask.store.artifacts import save_trained

    load_builtin()
    with open_store() as store:
        snapshot = store.snapshot()
        labels: dict[str, bool] = {}
        for label in sorted(snapshot.labels, key=lambda lb: lb.at):
            labels[label.account_id] = label.label.value == "fake"
        if not labels:
            raise fail("no labels in the store: ingest a labels file first")
        console.print(f"{len(labels)} labels ({sum(labels.values())} fake)")
        failed = 0
        for det in registry:
            if not isinstance(det, TrainableDetector):
                continue
            try:
                det.fit(snapshot, labels)
            except (ValueError, ImportError) as exc:  # e.g. one class only; a missing extra
                err_console.print(f"[yellow]could not train {det.name}:[/] {exc}")
                failed += 1
                continue
            path = save_trained(store.settings.models_dir, det)
            console.print(f"trained [bold]{det.name}[/] -> {path}")
        if failed:
            raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)
    app.command("train")(train)
