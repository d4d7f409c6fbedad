"""``unmask check``, ``unmask exposure``, ``unmask passwords`` and ``unmask takeover``: the member
side from the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from unmask.cli.common import console, fail, open_store, plugins, settings
from unmask.cli.common import policy as resolve
from unmask.store import Store

passwords_app = typer.Typer(help="Breached and common passwords.", no_args_is_help=True)
takeover_app = typer.Typer(help="Account-takeover signals and member alerts.", no_args_is_help=True)


def _read_text(arg: str) -> tuple[str, str]:
    """(text, where): ``arg`` is inline JSON, ``-`` (standard input) or a file."""
    import sys

    if arg.lstrip().startswith(("{", "[")):
        return arg, "the argument"
    if arg == "-":
        return sys.stdin.read(), "standard input"
    path = Path(arg)
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise fail(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise fail(f"{path}: not a text file") from None


def _read_profile(arg: str) -> Any:
    """A profile from a file, inline JSON or ``-``: JSON of any accepted shape, or the text
    copied from a profile page (parsed by ``checker.paste``)."""
    from datetime import UTC, datetime

    from unmask.checker import IntakeError
    from unmask.checker.intake import profile_from_text

    text, where = _read_text(arg)
    try:
        return profile_from_text(text, datetime.now(UTC))
    except IntakeError as exc:
        raise fail(f"{where}: {exc}") from None


def _read_me(arg: str | None) -> Any:
    from unmask.checker import IntakeError
    from unmask.checker.situation import situation_from

    if arg is None:
        return None
    text, where = _read_text(arg)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(f"{where}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    try:
        return situation_from(data)
    except IntakeError as exc:
        raise fail(f"{where}: {exc}") from None


@contextmanager
def _maybe_store(use: bool | None) -> Iterator[Store | None]:
    """The store when asked for, or by default when one has been set up."""
    found = settings()
    exists = found.database_url_set or (found.data_dir / "unmask.db").exists()
    if use is False or (use is None and not exists):
        yield None
        return
    with open_store() as store:
        yield store


def check(
    profile: str = typer.Argument(
        ...,
        help="The profile: a file (JSON, a platform export, or the text copied from the "
        "profile page), inline JSON, or - for standard input.",
    ),
    messages: Path | None = typer.Option(
        None, help="A text file of the messages they sent, oldest first (blank line between)."
    ),
    photo: Path | None = typer.Option(None, help="Their profile photo (an image file)."),
    me: str | None = typer.Option(
        None,
        "--me",
        help='About you, so "they target someone with access" can count: a JSON file or inline '
        'JSON {"role": "...", "sector": "defence", "clearance": true}.',
    ),
    as_json: bool = typer.Option(False, "--json", help="Print {risk, reasons, advice} as JSON."),
    store: bool | None = typer.Option(
        None, "--store/--no-store", help="Use what the platform knows (default: if set up)."
    ),
) -> None:
    """Check a profile: low / medium / high risk, the reasons and what to do."""
    from unmask.api.member.service import CheckerService, PhotoError
    from unmask.checker import IntakeError

    given = _read_profile(profile)
    situation = _read_me(me)
    texts: list[str] = []
    if messages is not None:
        try:
            body = messages.read_text(encoding="utf-8")
        except OSError as exc:
            raise fail(f"cannot read {messages}: {exc.strerror}") from None
        texts = [t.strip() for t in body.split("\n\n") if t.strip()]
    with _maybe_store(store) as st:
        svc = CheckerService(st, resolve(), plugins().detectors)
        try:
            stored = svc.context.stored_account(given.id) if svc.context else None
            account = stored or given  # what the platform knows beats what was typed
            raw = photo.read_bytes() if photo is not None else None
            result, _known = svc.check(account, texts, {}, raw, situation)
        except (IntakeError, PhotoError, OSError) as exc:
            raise fail(str(exc)) from None
    public = result.public
    if as_json:
        out = {"risk": public.risk, "reasons": list(public.reasons), "advice": list(public.advice)}
        typer.echo(json.dumps(out, indent=2))
        return
    colour = {"low": "green", "medium": "yellow", "high": "red"}[public.risk]
    console.print(f"risk: [bold {colour}]{public.risk}[/]")
    if public.reasons:
        console.print("reasons:")
        for reason in public.reasons:
            console.print(f"  - {reason}")
    console.print("advice:")
    for line in public.advice:
        console.print(f"  - {line}")


def exposure(
    profile: str = typer.Argument(
        ...,
        help="Your own profile: a file (JSON, an export, or the text copied from your profile "
        "page), inline JSON, or - for standard input.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the audit as JSON."),
) -> None:
    """Audit your own profile: what makes it attractive to a hostile service, and what to change."""
    from unmask.checker import audit

    account = _read_profile(profile)
    report = audit(account)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        return
    console.print(f"exposure: [bold]{report.level}[/] ({report.score}/100)")
    for item in report.items:
        console.print(f"- [bold]{item.title}[/] ({item.seen})\n  {item.advice}")


@passwords_app.command("load")
def passwords_load(
    file: Path = typer.Argument(..., help="Plain passwords, or SHA-1 hex with optional :count."),
    memory_mb: int = typer.Option(64, help="Memory budget for building the index."),
    mode: str = typer.Option("auto", help="auto, plain or sha1: how to read each line."),
) -> None:
    """Index a breach file under $UNMASK_DATA_DIR/passwords (streamed, bounded memory)."""
    from unmask.passwords import load_file

    if mode not in ("auto", "plain", "sha1"):
        raise fail("--mode is auto, plain or sha1")
    if not file.is_file():
        raise fail(f"no file {file}")
    stats = load_file(file, settings().data_dir, memory_mb << 20, mode)
    console.print(
        f"indexed {stats.records:,} distinct hashes from {stats.lines:,} lines "
        f"({stats.skipped:,} skipped) -> {stats.path}"
    )


@passwords_app.command("check")
def passwords_check() -> None:
    """Check a password locally (prompted, never echoed): breaches, common lists, strength."""
    from unmask.passwords import common_table, local_check, open_indexes, strength

    password = typer.prompt("password", hide_input=True)
    indexes = open_indexes(settings().data_dir)
    try:
        entry = local_check(password, indexes, common_table())
    finally:
        for ix in indexes:
            ix.close()
    console.print(f"seen in loaded breaches: {entry.count:,} time(s)")
    console.print(f"on a common-password list: {'yes' if entry.common else 'no'}")
    s = strength(password)
    console.print(f"strength: {s.score}/4 (offline crack time: {s.crack_time})")
    for line in (s.warning, *s.suggestions):
        if line:
            console.print(f"  - {line}")


@takeover_app.command("scan")
def takeover_scan() -> None:
    """Look for account takeover in the stored logins and record member alerts."""
    from unmask.takeover.persist import scan_logins

    with open_store() as st:
        found, new = scan_logins(st)
    console.print(f"{found} account(s) with takeover signals; {new} new alert(s)")


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("exposure")(exposure)
    app.add_typer(passwords_app, name="passwords")
    app.add_typer(takeover_app, name="takeover")
