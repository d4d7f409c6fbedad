"""The registry of detectors: names are unique and declared explicitly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from unmask.detectors.base import Detector


class DuplicateDetectorError(ValueError):
    pass


class UnknownDetectorError(KeyError):
    pass


D = TypeVar("D", bound=type[Detector])


class Registry:
    def __init__(self) -> None:
        self._factories: dict[str, Callable[[], Detector]] = {}

    def register(self, cls: D) -> D:
        name = cls.__dict__.get("name")
        if not isinstance(name, str) or not name:
            raise ValueError(f"{cls.__qualname__} must declare its own 'name'")
        if name in self._factories:
            raise DuplicateDetectorError(f"a detector named {name!r} is already registered")
        self._factories[name] = cls
        return cls

    def create(self, name: str) -> Detector:
        try:
            return self._factories[name]()
        except KeyError:
            raise UnknownDetectorError(name) from None

    def names(self) -> list[str]:
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        return name in self._factories

    def __iter__(self) -> Iterator[Detector]:
        return (self.create(n) for n in self.names())


registry = Registry()
register = registry.register
