"""The exposure audit's sector lexicon (``lexicon.toml``): sensitive employers by sector, named
programmes and clearances, validated and compiled at load (``file:line`` errors).

Employer names match as whole words, case-insensitively, except short all-capital acronyms
("BT", "SIS", "MoD"), which match case-sensitively; programme names match case-sensitively
("Tempest" the programme, not "a tempest"); ``patterns`` are regular expressions.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from unmask.detectors.cues.schema import CatalogueError

__all__ = ["Lexicon", "load_lexicon"]

Names = list[Annotated[str, Field(min_length=1, max_length=80)]]


class _Sector(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    employers: Names = []
    patterns: list[str] = []


class _Programmes(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    names: Names = []
    patterns: list[str] = []


class _Clearances(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    patterns: Annotated[list[str], Field(min_length=1)]


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: Annotated[str, Field(min_length=1, max_length=60)]
    sectors: Annotated[dict[str, _Sector], Field(min_length=1)]
    programmes: _Programmes = _Programmes()
    clearances: _Clearances


def _names(names: list[str], case_sensitive: bool) -> re.Pattern[str] | None:
    if not names:
        return None
    exact = [n for n in names if case_sensitive or (len(n) <= 4 and n.upper() == n)]
    loose = [n for n in names if n not in exact]
    parts = []
    if loose:
        parts.append("(?i:" + "|".join(re.escape(n) for n in loose) + ")")
    if exact:
        parts.append("|".join(re.escape(n) for n in exact))
    return re.compile(r"(?<![\w&-])(?:" + "|".join(parts) + r")(?![\w&-])")


@dataclass(frozen=True)
class Lexicon:
    version: str
    employers: dict[str, tuple[re.Pattern[str], ...]]
    programmes: tuple[re.Pattern[str], ...]
    clearances: tuple[re.Pattern[str], ...]

    def sector_of_employer(self, text: str) -> str | None:
        for sector, patterns in self.employers.items():
            if any(p.search(text) for p in patterns):
                return sector
        return None


def _line(text: str, needle: str) -> int | None:
    return next((i for i, ln in enumerate(text.splitlines(), 1) if needle in ln), None)


def parse_lexicon(text: str, path: str = "lexicon.toml") -> Lexicon:
    try:
        data = _File.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(path, None, str(exc)) from None
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        where = ".".join(map(str, err["loc"]))
        raise CatalogueError(
            path, _line(text, str(err["loc"][-1])), f"{where}: {err['msg']}"
        ) from None

    def comp(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        try:
            return re.compile(pattern, flags)
        except re.error as exc:
            raise CatalogueError(path, _line(text, pattern), f"bad pattern ({exc})") from None

    employers = {}
    for sector, spec in data.sectors.items():
        found = [p for p in (_names(spec.employers, False),) if p is not None]
        employers[sector] = tuple(found + [comp(p) for p in spec.patterns])
    progs = [p for p in (_names(data.programmes.names, True),) if p is not None]
    progs += [comp(p, 0) for p in data.programmes.patterns]
    clear = tuple(comp(p) for p in data.clearances.patterns)
    return Lexicon(data.version, employers, tuple(progs), clear)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    here = resources.files("unmask.checker").joinpath("lexicon.toml")
    return parse_lexicon(here.read_text("utf-8"))
