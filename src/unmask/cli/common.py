"""Helpers shared by the commands: the console, the store, clean error exits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click
import typer
from rich.console import Console

from unmask.settings import Settings, load_settings
from unmask.store import Store, StoreError

if TYPE_CHECKING:
    from unmask.hooks import Plugins
    from unmask.scoring import Known, Policy

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


@dataclass
class Started:
    """What ``main`` builds once at start-up and hands every command on the click context:
    the settings and the plugins (``CliRunner.invoke(app, obj=Started(...))`` passes its own;
    a command run without one builds it from the environment, once per invocation)."""

    settings: Settings
    plugins: Plugins | None = None

    def loaded(self) -> Plugins:
        if self.plugins is None:
            from unmask.hooks import load_plugins

            self.plugins = load_plugins(self.settings)
        return self.plugins


def started() -> Started:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    if root is not None and isinstance(root.obj, Started):
        return root.obj
    try:
        found = Started(load_settings())
    except ValueError as exc:
        raise fail(f"invalid setting: {exc}") from None
    if root is not None and root.obj is None:
        root.obj = found
    return found


def settings() -> Settings:
    """The settings of this invocation, read from the environment once."""
    return started().settings


def plugins() -> Plugins:
    """The plugins of this invocation (the detector registry is ``plugins().detectors``)."""
    return started().loaded()


def known_names() -> Known:
    """What a policy may name: the registered detectors and the live signals."""
    return plugins().known()


def policy(path: Path | None = None) -> Policy:
    """``--policy`` when given, else ``UNMASK_POLICY``, else the shipped one; a bad file exits
    with its located errors."""
    from unmask.scoring import PolicyError, resolve_policy

    try:
        return resolve_policy(settings(), path, known_names())
    except PolicyError as exc:
        raise fail(str(exc)) from None


@contextmanager
def open_store() -> Iterator[Store]:
    try:
        store = Store.open(settings())
    except StoreError as exc:
        raise fail(str(exc)) from None
    except Exception as exc:  # e.g. the database server is unreachable
        raise fail(f"cannot open the store: {exc.__class__.__name__}: {exc}") from None
    try:
        yield store
    finally:
        store.close()
