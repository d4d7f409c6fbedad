"""``unmask policy check`` and ``unmask policy show``: a policy file checked as a whole against
the registry, and the shipped policy to start one's own from."""

from __future__ import annotations

from pathlib import Path

import typer

from unmask.cli.common import console, known_names, settings

policy_app = typer.Typer(help="Check a policy file; print the shipped one.", no_args_is_help=True)


@policy_app.command("check")
def check(
    file: Path | None = typer.Argument(
        None, help="The policy (default: $UNMASK_POLICY, else the shipped one)."
    ),
) -> None:
    """Report every problem of a policy at once (file:line, nearest valid name); exit 1 if any."""
    from unmask.scoring import PolicyError, resolve_policy

    try:
        pol = resolve_policy(settings(), file, known_names())
    except PolicyError as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(1) from None
    console.print(f"policy {pol.version}: ok ({len(pol.detectors)} detectors weighted)")


@policy_app.command("show")
def show() -> None:
    """Print the shipped policy (every default, commented) to copy from."""
    from unmask.scoring.policy import shipped_text

    typer.echo(shipped_text(), nl=False)


def register(app: typer.Typer) -> None:
    app.add_typer(policy_app, name="policy")
