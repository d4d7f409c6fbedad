"""Located policy errors: every problem of a file at once, each with its file, line and, for a
misspelt name, the nearest valid one."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class PolicyError(ValueError):
    """One or more problems in a policy file; ``str()`` lists them all, one a line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a PolicyError needs at least one problem")
        self.problems = tuple(problems)
        first = self.problems[0]
        self.path, self.line, self.message = first.path, first.line, first.message
        super().__init__("\n".join(str(p) for p in self.problems))


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def hint(word: str, candidates: Iterable[str]) -> str:
    near = nearest(word, candidates)
    return f"; did you mean {near!r}?" if near else ""


def _header(keys: Sequence[str]) -> re.Pattern[str]:
    dotted = r"\s*\.\s*".join(rf"(?:{re.escape(k)}|\"{re.escape(k)}\")" for k in keys)
    return re.compile(rf"^\s*\[\s*{dotted}\s*\]")


def _assignment(key: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=")


def line_of(text: str, loc: Sequence[str | int]) -> int | None:
    """The line of a key path such as ('detectors', 'shared_photo', 'weight'): the key's own
    line when it is there, else the header of the deepest table on the path."""
    keys = [str(k) for k in loc if not isinstance(k, int)]
    lines = text.splitlines()
    headers = [i for i, ln in enumerate(lines) if ln.lstrip().startswith("[")]
    for depth in range(len(keys), -1, -1):
        section, rest = keys[:depth], keys[depth:]
        if section:
            start = next((i for i in headers if _header(section).match(lines[i])), None)
            if start is None:
                continue
            if not rest:
                return start + 1
        else:
            start = -1
        end = next((i for i in headers if i > start), len(lines))
        pattern = _assignment(rest[0])
        hit = next((i for i in range(start + 1, end) if pattern.match(lines[i])), None)
        if hit is not None:
            return hit + 1
    return None


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model that holds the last key of ``loc`` (for naming the keys it allows)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            if field is None:
                return None
            current = field.annotation
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return None
        if isinstance(current, types.UnionType) or typing.get_origin(current) is typing.Union:
            current = next(a for a in typing.get_args(current) if a is not type(None))
    if typing.get_origin(current) is dict:
        return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def describe(model: type[BaseModel], err: ErrorDetails) -> str:
    loc = tuple(err["loc"])
    where = ".".join(map(str, loc))
    if err["type"] == "extra_forbidden":
        holder = _model_at(model, loc)
        allowed = list(holder.model_fields) if holder is not None else []
        return f"{where}: unknown key{hint(str(loc[-1]), allowed)}"
    if err["type"] == "missing":
        return f"{where}: required key is missing"
    message = err["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return f"{where}: {message}" if where else message
