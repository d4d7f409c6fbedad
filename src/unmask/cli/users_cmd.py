"""``unmask users``: manage console and API users."""

from __future__ import annotations

import typer

from unmask.cli.common import console, fail, open_store, settings

users_app = typer.Typer(help="Manage console and API users.", no_args_is_help=True)


@users_app.command("add")
def add(
    name: str,
    role: str = typer.Option(..., help="analyst, lead, admin, auditor, partner or service."),
    token: bool = typer.Option(False, help="Also create an API token."),
) -> None:
    """Create a user and print its generated password (shown once)."""
    from unmask.auth import AuthError, create_token, create_user

    with open_store() as store:
        try:
            user, password = create_user(store, name, role)
        except AuthError as exc:
            raise fail(str(exc)) from None
        console.print(f"created [bold]{user.name}[/] ({user.role}); password: {password}")
        if token:
            console.print(f"API token: {create_token(store, user, 'cli')}")


@users_app.command("token")
def token(name: str, label: str = typer.Option("cli", help="What the token is for.")) -> None:
    """Create an API token for an existing user (shown once)."""
    from unmask.auth import create_token, get_user

    with open_store() as store:
        user = get_user(store, name)
        if user is None:
            raise fail(f"no user named {name!r}")
        console.print(create_token(store, user, label))


@users_app.command("member-token")
def member_token(
    member: str = typer.Argument(..., help="The member's account id on the platform."),
    ttl: int = typer.Option(3600, help="Seconds the token stays valid (at most a week)."),
) -> None:
    """Issue a member token (what the platform hands a signed-in member's checker page)."""
    from unmask.auth.member_tokens import issue, member_secret

    try:
        console.print(issue(member_secret(settings()), member, ttl), soft_wrap=True)
    except ValueError as exc:
        raise fail(str(exc)) from None


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
