"""The registry of detectors: names are unique and declared explicitly.

A registry is built once at start-up from the plugins' ``unmask_detectors`` hook
(``unmask.hooks.load_plugins``) and passed to whatever runs detectors; importing a detector
module registers nothing.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from unmask.detectors.base import Detector


class DuplicateDetectorError(ValueError):
    pass


class UnknownDetectorError(KeyError):
    pass


@dataclass(frozen=True)
class Configured:
    """A detector class with constructor arguments (e.g. from the settings): ``name`` is the
    class's, so the registry knows it without building one."""

    cls: type[Detector]
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.cls.name

    def __call__(self, **options: Any) -> Detector:
        return self.cls(**{**self.options, **options})


DetectorFactory = type[Detector] | Configured


def _declared_name(factory: DetectorFactory) -> str:
    cls = factory.cls if isinstance(factory, Configured) else factory
    name = cls.__dict__.get("name")
    if not isinstance(name, str) or not name:
        raise ValueError(f"{cls.__qualname__} must declare its own 'name'")
    return name


class Registry:
    def __init__(self) -> None:
        self._factories: dict[str, Callable[..., Detector]] = {}
        self._origin: dict[str, str] = {}

    def register(self, factory: DetectorFactory, origin: str = "") -> DetectorFactory:
        name = _declared_name(factory)
        if name in self._factories:
            where = f" (by {self._origin[name]})" if self._origin.get(name) else ""
            raise DuplicateDetectorError(f"a detector named {name!r} is already registered{where}")
        self._factories[name] = factory
        self._origin[name] = origin
        return factory

    def create(self, name: str, **options: Any) -> Detector:
        """A new detector; ``options`` (e.g. a policy's ``params``) go to its constructor."""
        try:
            factory = self._factories[name]
        except KeyError:
            raise UnknownDetectorError(name) from None
        return factory(**options)

    def parameters(self, name: str) -> frozenset[str]:
        """The constructor parameters a policy's ``[detectors.NAME.params]`` may set."""
        factory = self._factories[name]
        cls = factory.cls if isinstance(factory, Configured) else factory
        signature = inspect.signature(cls.__init__)
        kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        return frozenset(p.name for p in list(signature.parameters.values())[1:] if p.kind in kinds)

    def origin(self, name: str) -> str:
        """The plugin that registered ``name``."""
        return self._origin.get(name, "")

    def names(self) -> list[str]:
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        return name in self._factories

    def __iter__(self) -> Iterator[Detector]:
        return (self.create(n) for n in self.names())
