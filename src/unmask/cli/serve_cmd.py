"""``unmask serve`` and ``unmask demo``."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from unmask.cli.common import console, fail, open_store, plugins

if TYPE_CHECKING:
    import uvicorn
    from fastapi import FastAPI


def uvicorn_config(
    app: FastAPI, host: str, port: int, forwarded_allow_ips: str = "", **extra: Any
) -> uvicorn.Config:
    """uvicorn's settings for ``app``: ``X-Forwarded-For`` is honoured only from the listed
    proxies, by uvicorn and by the member rate limiter alike; with none listed it is ignored
    (uvicorn's own default would trust it from loopback)."""
    import uvicorn

    from unmask.api.member.ratelimit import parse_networks

    trusted = parse_networks(forwarded_allow_ips)
    limiter = getattr(app.state, "member_limiter", None)
    if limiter is not None:
        limiter.trusted = trusted
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        proxy_headers=bool(trusted),
        forwarded_allow_ips=[str(n) for n in trusted] if trusted else [],
        **extra,
    )


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    forwarded_allow_ips: str = typer.Option(
        "",
        "--forwarded-allow-ips",
        envvar="UNMASK_FORWARDED_ALLOW_IPS",
        help="Reverse proxies (addresses or CIDR ranges, comma-separated) whose "
        "X-Forwarded-For is trusted for the client address and rate limits; "
        "default: none, the TCP peer is the client.",
    ),
) -> None:
    """Serve the API and console (FastAPI under uvicorn)."""
    import uvicorn

    from unmask.api import create_app

    with open_store() as store:
        try:
            config = uvicorn_config(
                create_app(store, plugins=plugins()),
                host,
                port,
                forwarded_allow_ips,
                log_level="info",
            )
        except ValueError as exc:
            raise fail(f"--forwarded-allow-ips: {exc}") from None
        console.print(f"unmask serving on http://{host}:{port}  (API docs: /docs)")
        uvicorn.Server(config).run()


def _keep_known_labels(out: Path, seed: int) -> int:
    """Move the simulator's ground truth out of the ingested folder; leave what a platform knows."""
    import orjson

    from unmask.formats import write_records
    from unmask.model.records import Label
    from unmask.sim.known import known_sample

    truth_file = out / "labels.jsonl"
    truth = [
        Label.model_validate(orjson.loads(line))
        for line in truth_file.read_bytes().split(b"\n")
        if line
    ]
    truth_file.replace(out.parent / f"{out.name}-truth.jsonl")
    return write_records(truth_file, "label", known_sample(truth, seed))


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
    known = _keep_known_labels(out, seed)
    console.print(
        f"the platform knows {known} labels (half the fakes, a tenth of the members); the full "
        f"ground truth stays in {out.parent / (out.name + '-truth.jsonl')}, not ingested"
    )
    console.rule("2. ingest")
    ingest([out], show=3)
    console.rule("3. train and scan")
    train(policy=None)
    scan(
        policy=None,
        detector=None,
        engine="duckdb",
        spark_master="local[2]",
        spark_memory="2g",
        snapshot=None,
        stage=None,
        scan_id=None,
    )
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
    from unmask.export.example import write_example

    export = write_example(out / "member-export.zip", as_zip=True)
    console.print(
        f"a member's data export (synthetic): upload {export} on http://{host}:{port}/check "
        f"or run: unmask inspect-export {export}"
    )
    if not no_serve:
        serve(host=host, port=port, forwarded_allow_ips="")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)
