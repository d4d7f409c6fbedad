"""``unmask serve`` and ``unmask demo``."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from unmask.cli.common import console, fail, open_store


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Serve the API and console (FastAPI under uvicorn)."""
    import uvicorn

    from unmask.api import create_app

    with open_store() as store:
        console.print(f"unmask serving on http://{host}:{port}  (API docs: /docs)")
        uvicorn.run(create_app(store), host=host, port=port, log_level="info")


def demo(
    members: int = typer.Option(3000, help="Members to simulate."),
    seed: int = typer.Option(7, help="Simulator seed."),
    host: str = typer.Option("127.0.0.1"),
    port: int = typer.Option(8000),
    no_serve: bool = typer.Option(False, "--no-serve", help="Prepare the data, then exit."),
) -> None:
    """Simulate a network with hostile campaigns, ingest it, train, scan and serve it."""
    from unmask.auth import AuthError, create_token, create_user, get_user
    from unmask.cli.ingest_cmd import ingest
    from unmask.cli.review_cmd import sync as review_sync
    from unmask.cli.scan_cmd import scan, train

    try:
        from unmask.sim import simulate
    except ImportError:
        raise fail("the simulator is not available in this build") from None
    out = Path(tempfile.mkdtemp(prefix="unmask-demo-"))
    console.rule("1. simulate (synthetic data)")
    simulate(members=members, seed=seed, out=out)
    console.rule("2. ingest")
    ingest([out], show=3)
    console.rule("3. train and scan")
    train()
    scan(policy=None, detector=None, engine="duckdb", snapshot=None, stage=None, scan_id=None)
    review_sync(policy=None)
    with open_store() as store:
        password = "demo-password-" + str(seed)
        try:
            create_user(store, "demo", "lead", password)
            create_user(store, "demo2", "lead", password + "-2")
        except AuthError:
            pass
        user = get_user(store, "demo")
        token = create_token(store, user, "demo") if user else ""
    console.rule("4. serve")
    console.print(
        f"open http://{host}:{port}/  sign in as [bold]demo[/] / [bold]{password}[/]"
        f"  (second reviewer: demo2 / {password}-2)"
    )
    console.print(
        f"API: curl -H 'Authorization: Bearer {token}' http://{host}:{port}/api/v1/assessments"
    )
    if not no_serve:
        serve(host=host, port=port)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)
