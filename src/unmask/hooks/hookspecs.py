"""The hooks a plugin may implement (pluggy, as datasette and Osprey use it).

A plugin is a module (or object) with functions marked ``@hookimpl`` and named as below, made
known through an entry point in the ``unmask`` group::

    [project.entry-points."unmask"]
    acme = "acme_unmask.plugin"

unmask's own detectors, engines, exchanges, actions, commands, routes and evaluation suites
register through these same hooks (``unmask.plugins.builtin``). Every hook returns what it adds;
nothing is registered by importing a module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from unmask.actions.executor import Executor
    from unmask.detectors.registry import DetectorFactory
    from unmask.settings import Settings

PROJECT = "unmask"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

#: (view of a campaign) -> bytes in the exchange's format.
Exporter = Callable[[Any], bytes]
#: ``(**options) -> EngineRunner``: a batch engine for ``unmask scan --engine NAME``.
EngineFactory = Callable[..., Any]
#: ``(store) -> Executor``: how enforcement reaches the platform.
ExecutorFactory = Callable[[Any], "Executor"]


@hookspec
def unmask_detectors(settings: Settings) -> Sequence[DetectorFactory]:
    """Detector classes (or ``Configured(cls, options)`` built from ``settings``)."""
    raise NotImplementedError


@hookspec
def unmask_engines() -> Mapping[str, EngineFactory]:
    """Batch engines by name (``duckdb``, ``spark``)."""
    raise NotImplementedError


@hookspec
def unmask_exchanges() -> Mapping[str, Exporter]:
    """Intelligence export formats by name (``unmask intel export --format NAME``)."""
    raise NotImplementedError


@hookspec
def unmask_actions() -> Mapping[str, ExecutorFactory]:
    """Enforcement executors by name (``UNMASK_EXECUTOR``; the built-in ``store``)."""
    raise NotImplementedError


@hookspec
def unmask_commands(app: Any) -> None:
    """Add commands to the ``unmask`` Typer application."""
    raise NotImplementedError


@hookspec
def unmask_routes(app: Any) -> None:
    """Add routers (or middleware, mounts) to the FastAPI application."""
    raise NotImplementedError


@hookspec
def unmask_suites() -> Sequence[ModuleType]:
    """Evaluation suites: modules with ``SUITE``, ``REQUIRES`` and ``run(data)``."""
    raise NotImplementedError
