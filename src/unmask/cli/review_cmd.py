"""``unmask audit`` (verify, head, export) and ``unmask review`` (sync, queue, deliver)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from unmask.cli.common import console, err_console, fail, open_store, plugins
from unmask.cli.common import policy as resolve

audit_app = typer.Typer(
    help="The hash-chained audit log of decisions and actions.", no_args_is_help=True
)
review_app = typer.Typer(help="The review queue.", no_args_is_help=True)


@audit_app.command("verify")
def verify(
    head: str | None = typer.Option(
        None,
        "--head",
        help="A head saved earlier with 'unmask audit head' (SEQ:HASH, or @FILE holding it): "
        "also check that the history up to it was not rewritten.",
    ),
) -> None:
    """Check the audit chain: exit 0 when intact, 1 naming the first bad event."""
    from unmask.audit.log import verify as check
    from unmask.model.audit import Head

    saved = None
    if head is not None:
        text = head
        if head.startswith("@"):
            try:
                text = Path(head[1:]).read_text(encoding="utf-8")
            except OSError as exc:
                raise fail(f"cannot read {head[1:]}: {exc.strerror}") from None
        try:
            saved = Head.parse(text)
        except ValueError as exc:
            raise fail(str(exc)) from None
    with open_store() as store:
        result = check(store, saved)
    if not result.ok:
        err_console.print(
            f"[bold red]audit chain broken at event {result.bad_seq}:[/] "
            f"{result.problem} ({result.checked} events verified before it)"
        )
        raise typer.Exit(1)
    against = f"; passes through the saved head {saved}" if saved else ""
    console.print(f"audit chain intact: {result.checked} events, head {result.head}{against}")


@audit_app.command("head")
def head_cmd() -> None:
    """Print the chain's head (SEQ:HASH). Keep it outside the store (a ticket, a signed mail, a
    partner): 'unmask audit verify --head SEQ:HASH' later proves the history up to it unchanged."""
    from unmask.audit.log import head

    with open_store() as store:
        print(head(store))


@audit_app.command("export")
def export(
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Write JSON lines here (default: stdout)."
    ),
) -> None:
    """Write every audit event, with its hashes, as JSON lines."""
    from unmask.audit import export as dump

    with open_store() as store:
        if out is None:
            n = dump(store, sys.stdout.buffer)
        else:
            with out.open("wb") as fh:
                n = dump(store, fh)
    err_console.print(f"exported {n} events" + (f" to {out}" if out else ""))


@review_app.command("sync")
def sync(
    policy: Path | None = typer.Option(
        None, help="A policy TOML file (default: $UNMASK_POLICY, else the shipped one)."
    ),
) -> None:
    """Create cases from the latest scan's assessments routed to review (idempotent)."""
    from unmask.cases.desk import make_desk
    from unmask.cases.sync import sync_cases

    pol = resolve(policy)
    with open_store() as store:
        result = sync_cases(make_desk(store, pol, plugins().actions))
    if result.scan_id is None:
        raise fail("no finished scan: run 'unmask scan' first")
    console.print(
        f"scan {result.scan_id}: {result.opened} cases opened, {result.updated} updated,"
        f" {result.auto_restricted} auto-restricted"
    )


@review_app.command("queue")
def queue(
    limit: int = typer.Option(20, min=1, max=500, help="How many cases to show."),
    sort: str = typer.Option("priority", help="priority, risk, age, exposure or reports."),
) -> None:
    """Show the cases waiting for review, highest priority first."""
    from unmask.cases.repo import SORTS, Filters

    if sort not in SORTS:
        raise fail(f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
    with open_store() as store, store.unit_of_work() as uow:
        items, total = uow.cases.search(Filters(status="queue", sort=sort, limit=limit))
    table = Table(title=f"{total} case(s) waiting")
    for col in ("case", "account", "priority", "risk", "exposure", "campaign", "status"):
        table.add_column(col)
    for c in items:
        table.add_row(
            str(c.id),
            c.subject,
            f"{c.priority:.2f}",
            f"{c.risk:.2f}",
            f"{c.exposure:.2f}",
            c.campaign or "",
            c.status,
        )
    console.print(table)


@review_app.command("deliver")
def deliver_cmd() -> None:
    """Send the notices still queued in the outbox (a crash after a decision committed leaves
    them there), through UNMASK_NOTIFY_WEBHOOK when set; exit 1 when a send failed."""
    from unmask.actions.enforce import deliver
    from unmask.actions.notify import channel_for

    with open_store() as store:
        sent, failed = deliver(store, channel_for(store.settings))
    console.print(f"{sent} notice(s) sent, {failed} failed (kept on the record)")
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
    app.add_typer(review_app, name="review")
