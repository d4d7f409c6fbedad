"""Plugins, loaded once at start-up: the entry points of the ``unmask`` group (unmask's own
``builtin`` among them), their hooks called once, and what they return kept in one object that
start-up code passes on (``Plugins.detectors`` is the detector registry)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import pluggy

from unmask.detectors.registry import Registry
from unmask.hooks import hookspecs
from unmask.hooks.hookspecs import PROJECT, EngineFactory, ExecutorFactory, Exporter
from unmask.scoring.policy import Known
from unmask.settings import Settings, load_settings

#: unmask's own plugin: the entry point ``builtin = "unmask.plugins.builtin"``.
BUILTIN_NAME, BUILTIN = "builtin", "unmask.plugins.builtin"


class PluginError(RuntimeError):
    """Two plugins claim one name, or a plugin's hook returned something unusable."""


@dataclass
class Plugins:
    manager: pluggy.PluginManager
    settings: Settings
    detectors: Registry
    engines: dict[str, EngineFactory] = field(default_factory=dict)
    exchanges: dict[str, Exporter] = field(default_factory=dict)
    actions: dict[str, ExecutorFactory] = field(default_factory=dict)
    suites: list[ModuleType] = field(default_factory=list)

    def names(self) -> list[str]:
        """The loaded plugins, by name (``builtin`` first)."""
        return [n for n, _ in self.manager.list_name_plugin()]

    def add_commands(self, app: Any) -> None:
        self.manager.hook.unmask_commands(app=app)

    def add_routes(self, app: Any) -> None:
        self.manager.hook.unmask_routes(app=app)

    def known(self) -> Known:
        """What a policy may name, for ``resolve_policy``: the registered detectors, their
        constructor parameters, and a trial construction for the policy's ``params``."""
        registry = self.detectors
        return Known(
            frozenset(registry.names()),
            parameters={n: registry.parameters(n) for n in registry.names()},
            build=lambda name, params: registry.create(name, **params),
        )

    def engine(self, name: str, **options: Any) -> Any:
        if name not in self.engines:
            raise ValueError(f"unknown engine {name!r}: use {' or '.join(sorted(self.engines))}")
        return self.engines[name](**options)


def _merge(kind: str, results: Iterable[tuple[str, Mapping[str, Any]]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    owner: dict[str, str] = {}
    for plugin, mapping in results:
        for name, value in mapping.items():
            if name in out:
                raise PluginError(f"{kind} {name!r} is offered by {owner[name]} and {plugin}")
            out[name], owner[name] = value, plugin
    return out


def _per_plugin(pm: pluggy.PluginManager, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
    """Each plugin's answer to ``hook`` with the name of the plugin that gave it."""
    out: list[tuple[str, Any]] = []
    for impl in getattr(pm.hook, hook).get_hookimpls():
        result = impl.function(**{k: kwargs[k] for k in impl.argnames})
        if result is not None:
            out.append((impl.plugin_name, result))
    return out  # registration order: builtin first, then the entry points, then ``extra``


def load_plugins(
    settings: Settings | None = None,
    *,
    entry_points: bool = True,
    extra: Iterable[object] = (),
) -> Plugins:
    """Load the plugins once: the ``unmask`` entry points (``entry_points``) and ``extra``
    plugin objects (tests). unmask's own ``builtin`` plugin is registered directly when no entry
    point provided it (a source tree that is not installed)."""
    settings = settings or load_settings()
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    if entry_points:
        pm.load_setuptools_entrypoints(PROJECT)
    if pm.get_plugin(BUILTIN_NAME) is None:
        # as its entry point would: by name, for the top layer is not imported from below
        pm.register(importlib.import_module(BUILTIN), name=BUILTIN_NAME)
    for plugin in extra:
        pm.register(plugin)
    registry = Registry()
    for plugin, factories in _per_plugin(pm, "unmask_detectors", settings=settings):
        for factory in factories:
            registry.register(factory, origin=plugin)
    return Plugins(
        manager=pm,
        settings=settings,
        detectors=registry,
        engines=_merge("engine", _per_plugin(pm, "unmask_engines")),
        exchanges=_merge("exchange", _per_plugin(pm, "unmask_exchanges")),
        actions=_merge("action", _per_plugin(pm, "unmask_actions")),
        suites=[s for _, suites in _per_plugin(pm, "unmask_suites") for s in suites],
    )
