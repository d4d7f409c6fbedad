"""``unmask intel``: import, export and poll threat intelligence (STIX, MISP, CSV, TAXII)."""

from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.table import Table

from unmask.cli.common import console, err_console, fail, open_store, plugins, settings
from unmask.settings import secret

intel_app = typer.Typer(
    help="Threat intelligence: STIX, MISP, CSV and TAXII.", no_args_is_help=True
)
STATUSES = ("imported", "context", "skipped", "rejected")


def _report(counts: dict[str, Counter[str]], title: str) -> None:
    table = Table(title=title)
    table.add_column("object type")
    for s in STATUSES:
        table.add_column(s, justify="right")
    for typ, c in counts.items():
        table.add_row(typ, *(str(c.get(s, 0)) for s in STATUSES))
    console.print(table)


@intel_app.command("import")
def import_(
    paths: list[Path] = typer.Argument(
        ..., help="STIX bundles, MISP events or CSV: files/folders."
    ),
    no_match: bool = typer.Option(False, "--no-match", help="Store only; do not retro-match."),
    show: int = typer.Option(20, help="How many problems to print."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Match as of this ISO time (default now): replays old intelligence."
    ),
) -> None:
    """Import intelligence; every object is reported (imported, context, skipped, rejected) and
    new indicators are matched against every stored account."""
    from unmask.intel.service import import_paths

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(map(str, missing))}")
    try:
        now = datetime.fromisoformat(as_of.replace("Z", "+00:00")) if as_of else None
    except ValueError:
        raise fail(f"--as-of is not an ISO time: {as_of!r}") from None
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    with open_store() as store:
        summary = import_paths(store, paths, now=now, match=not no_match)
    parsed = summary.parsed
    _report(
        {t: Counter({s.value: n for s, n in c.items()}) for t, c in parsed.counts().items()},
        "Intelligence import",
    )
    console.print(
        f"indicators: {summary.new} new, {summary.updated} updated, {summary.unchanged} "
        f"already stored; context objects kept: {summary.context}"
    )
    m = summary.matched
    if m.scan_id is not None:
        console.print(
            f"retro-match: {m.findings} account(s) matched (intel scan {m.scan_id}); "
            f"{m.opened} case(s) opened, {m.noted} open case(s) noted"
        )
    problems = parsed.problems()
    for o in problems[:show]:
        colour = "red" if o.status == "rejected" else "yellow"
        err_console.print(
            f"[{colour}]{o.status.value}[/] {o.where} {o.type} {o.id or ''}: {o.message}"
        )
    if len(problems) > show:
        err_console.print(f"... and {len(problems) - show} more")


@intel_app.command("export")
def export(
    campaign: str = typer.Option(..., "--campaign", help="The campaign id."),
    fmt: str = typer.Option(
        "stix", "--format", help="stix (2.1 bundle), misp (event JSON) or a plugin's exchange."
    ),
    out: Path | None = typer.Option(None, "--out", help="Write here instead of stdout."),
) -> None:
    """Export a campaign as a STIX 2.1 bundle or a MISP event (TLP:RED is never exported)."""
    from unmask.intel.service import export_campaign

    exchanges = plugins().exchanges
    if fmt not in exchanges:
        raise fail(f"--format is {' or '.join(sorted(exchanges))}")
    with open_store() as store:
        try:
            data = export_campaign(store, campaign, fmt, exporters=exchanges)
        except (LookupError, ValueError) as exc:
            raise fail(str(exc)) from None
    if out is None:
        typer.echo(data.decode())
    else:
        out.write_bytes(data)
        err_console.print(f"wrote {out} ({len(data):,} bytes)")


def _credential(variable: str) -> str | None:
    """A credential from the settings (``UNMASK_TAXII_*``) or from the variable the operator
    named with ``--password-env`` / ``--token-env``."""
    own = {"UNMASK_TAXII_PASSWORD": "taxii_password", "UNMASK_TAXII_TOKEN": "taxii_token"}
    if variable in own:
        return secret(getattr(settings(), own[variable]))
    return os.environ.get(variable) or None


@intel_app.command("poll")
def poll(
    url: str = typer.Argument(..., help="Collection URL (…/collections/<id>/) or discovery URL."),
    collection: str | None = typer.Option(None, help="Collection id when URL is a discovery."),
    user: str | None = typer.Option(None, help="HTTP Basic user."),
    password_env: str = typer.Option("UNMASK_TAXII_PASSWORD", help="Env var with the password."),
    token_env: str = typer.Option("UNMASK_TAXII_TOKEN", help="Env var with a bearer token."),
    every: float = typer.Option(0.0, help="Poll every N seconds (0: once)."),
    limit: int = typer.Option(100, help="Objects per page."),
) -> None:
    """Poll a TAXII 2.1 collection, resuming after the last object added; new indicators are
    retro-matched like imported ones."""
    from unmask.intel.clients import TaxiiClient, TaxiiError
    from unmask.intel.poll import PollSummary, poll_every, poll_once

    token, password = _credential(token_env), _credential(password_env)
    with TaxiiClient(user=user, password=password, token=token) as client, open_store() as store:
        target = url
        if "/collections/" not in url:
            if collection is None:
                raise fail("give a collection URL, or a discovery URL and --collection")
            try:
                root = client.api_roots(url)[0]
            except (TaxiiError, IndexError) as exc:
                raise fail(f"discovery failed: {exc}") from None
            target = f"{root}collections/{collection}/"

        def report(done: PollSummary | Exception) -> None:
            if isinstance(done, Exception):
                err_console.print(f"[bold red]poll failed:[/] {done}")
                return
            console.print(
                f"{done.feed}: {done.pages} page(s), {done.objects} object(s), {done.new} new "
                f"indicator(s), {done.matched} account(s) matched, {done.cases} case(s) opened; "
                f"resume after {done.resume_from or '-'}"
            )

        if every <= 0:
            try:
                report(poll_once(store, client, target, limit=limit))
            except TaxiiError as exc:
                raise fail(str(exc), 1) from None
            return
        poll_every(every, lambda: poll_once(store, client, target, limit=limit), report)


def register(app: typer.Typer) -> None:
    app.add_typer(intel_app, name="intel")
