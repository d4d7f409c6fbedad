"""The cue catalogue's schema: a TOML file validated at load, with ``file:line`` errors.

``load_catalogue()`` reads the catalogue shipped with unmask (``catalogue.toml`` next to this
module) or a given path; every pattern is expanded (``{term}`` fragments) and compiled at load, so
a bad regular expression is reported with its line, never at the first message it meets.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

__all__ = ["Catalogue", "CatalogueError", "CueSpec", "load_catalogue", "parse_catalogue"]

Unit = Annotated[float, Field(ge=0.0, lt=1.0)]
Ident = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
_TERM = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class CatalogueError(ValueError):
    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class CueSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Annotated[str, Field(min_length=1, max_length=120)]
    weight: Unit
    strong: bool = False
    reason: Ident
    scope: Literal["sentence", "pair"] = "sentence"
    patterns: Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]
    unless: list[Annotated[str, Field(min_length=1)]] = []


class SequenceSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_messages: Annotated[int, Field(ge=2)] = 2
    weight: Unit = 0.2
    reason: Ident = "escalation"


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: Annotated[str, Field(min_length=1, max_length=60)]
    description: str = ""
    base: Unit = 0.0
    terms: dict[Ident, str] = {}
    cues: Annotated[dict[Ident, CueSpec], Field(min_length=1)]
    sequence: SequenceSpec = SequenceSpec()
    reasons: dict[Ident, Annotated[str, Field(min_length=1, max_length=160)]]

    @model_validator(mode="after")
    def _reasons_exist(self) -> Catalogue:
        wanted = {c.reason for c in self.cues.values()} | {self.sequence.reason}
        missing = sorted(wanted - set(self.reasons))
        if missing:
            raise ValueError(f"reasons: no sentence for {', '.join(missing)}")
        return self

    def expand(self, pattern: str, _depth: int = 0) -> str:
        """``pattern`` with every ``{term}`` replaced (terms may use other terms)."""
        if _depth > 8:
            raise ValueError("terms nest too deeply (a term refers to itself?)")

        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in self.terms:
                raise ValueError(f"unknown term {{{name}}}")
            return "(?:" + self.expand(self.terms[name], _depth + 1) + ")"

        return _TERM.sub(sub, pattern)


def _line_of(text: str, needle: str) -> int | None:
    for i, line in enumerate(text.splitlines(), 1):
        if needle and needle in line:
            return i
    return None


def _key_line(text: str, loc: tuple[str | int, ...]) -> int | None:
    """Best-effort line of a key path: the section header, then the key below it."""
    keys = [str(k) for k in loc if not isinstance(k, int)]
    lines = text.splitlines()
    start = 0
    for depth in range(len(keys), 0, -1):
        header = "[" + ".".join(keys[:depth]) + "]"
        hit = next((i for i, ln in enumerate(lines) if ln.strip() == header), None)
        if hit is not None:
            start = hit
            rest = keys[depth:]
            if rest:
                key = re.compile(r"^\s*" + re.escape(rest[0]) + r"\s*=")
                for i in range(hit + 1, len(lines)):
                    if lines[i].lstrip().startswith("["):
                        break
                    if key.match(lines[i]):
                        return i + 1
            return start + 1
    return _line_of(text, keys[-1] + " =") if keys else None


def _compile_all(cat: Catalogue, text: str, path: str) -> None:
    for cue_id, cue in cat.cues.items():
        for pattern in [*cue.patterns, *cue.unless]:
            try:
                re.compile(cat.expand(pattern), re.IGNORECASE)
            except (re.error, ValueError) as exc:
                raise CatalogueError(
                    path, _line_of(text, pattern), f"cues.{cue_id}: bad pattern ({exc})"
                ) from None


def parse_catalogue(text: str, path: str = "<catalogue>") -> Catalogue:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise CatalogueError(path, int(match.group(1)) if match else None, str(exc)) from None
    try:
        cat = Catalogue.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        where = ".".join(map(str, loc)) or "catalogue"
        raise CatalogueError(path, _key_line(text, loc), f"{where}: {err['msg']}") from None
    _compile_all(cat, text, path)
    return cat


@lru_cache(maxsize=8)
def _load(path: str | None) -> Catalogue:
    if path is None:
        here = resources.files("unmask.detectors.cues").joinpath("catalogue.toml")
        return parse_catalogue(here.read_text("utf-8"), "catalogue.toml")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogueError(path, None, f"cannot read the cue catalogue: {exc.strerror}") from None
    return parse_catalogue(text, path)


def load_catalogue(path: Path | str | None = None) -> Catalogue:
    """The catalogue at ``path``, or the one shipped with unmask (cached)."""
    return _load(str(path) if path is not None else None)
