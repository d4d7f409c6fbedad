"""Helpers shared by the commands: the console, the store, clean error exits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from unmask.store import Store, StoreError

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


@contextmanager
def open_store() -> Iterator[Store]:
    try:
        store = Store.open()
    except StoreError as exc:
        raise fail(str(exc)) from None
    except Exception as exc:  # e.g. the database server is unreachable
        raise fail(f"cannot open the store: {exc.__class__.__name__}: {exc}") from None
    try:
        yield store
    finally:
        store.close()
