"""``unmask org``: organisations that enrol their staff and read the organisation view."""

from __future__ import annotations

from pathlib import Path

import typer

from unmask.cli.common import console, fail, open_store

org_app = typer.Typer(help="Organisations, their staff and their report.", no_args_is_help=True)


@org_app.command("create")
def create(name: str) -> None:
    """Create an organisation; prints its id."""
    from unmask.org.repo import OrgError, create_org

    with open_store() as store:
        try:
            console.print(create_org(store, name))
        except OrgError as exc:
            raise fail(str(exc)) from None


@org_app.command("link")
def link(org: str, user: str) -> None:
    """Give a user (role partner) the organisation's view."""
    from unmask.auth import get_user
    from unmask.org.repo import OrgError, link_user

    with open_store() as store:
        found = get_user(store, user)
        if found is None:
            raise fail(f"no user named {user!r}")
        if found.role != "partner":
            raise fail(f"{user!r} has role {found.role!r}; organisation users have role partner")
        try:
            link_user(store, org, found.id)
        except OrgError as exc:
            raise fail(str(exc)) from None
    console.print(f"{user} now sees {org}")


@org_app.command("enrol")
def enrol_cmd(org: str, file: Path = typer.Argument(..., help="One identifier a line.")) -> None:
    """Enrol staff: account ids or profile links, one a line (stored only as keyed hashes)."""
    from unmask.org.repo import OrgError, enrol

    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise fail(f"cannot read {file}: {exc.strerror}") from None
    with open_store() as store:
        try:
            added = enrol(store, org, (ln for ln in lines if ln.strip()))
        except OrgError as exc:
            raise fail(str(exc)) from None
    console.print(f"{added} new staff identifier(s) enrolled in {org}")


@org_app.command("report")
def report(org: str, out: Path = typer.Option(..., help="Where to write the HTML report.")) -> None:
    """Write the organisation's report (HTML with inline SVG charts; campaigns by their id)."""
    from unmask.org.labels import report_html
    from unmask.org.repo import OrgError

    with open_store() as store:
        try:
            html = report_html(store, org)
        except OrgError as exc:
            raise fail(str(exc)) from None
    out.write_text(html, encoding="utf-8")
    console.print(f"wrote {out}")


def register(app: typer.Typer) -> None:
    app.add_typer(org_app, name="org")
