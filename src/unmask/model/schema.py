"""Column kinds of each record type, derived once from the models.

Serves every flat representation (CSV, Parquet, SQL tables, DuckDB/Spark frames): scalar fields
become typed columns; nested fields (positions, photo, registration, lists) become JSON text.
"""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

ColumnKind = Literal["str", "bool", "int", "float", "datetime", "json"]


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _strip_optional(args[0])[0], True
    if origin is typing.Annotated:
        return _strip_optional(typing.get_args(annotation)[0])
    return annotation, False


def _kind(annotation: Any) -> ColumnKind:
    base, _ = _strip_optional(annotation)
    if isinstance(base, type):
        if issubclass(base, bool):
            return "bool"
        if issubclass(base, Enum) or issubclass(base, str):
            return "str"
        if issubclass(base, int):
            return "int"
        if issubclass(base, float):
            return "float"
        if issubclass(base, datetime):
            return "datetime"
        if issubclass(base, date):
            return "str"
    return "json"


@cache
def columns(model: type[BaseModel]) -> dict[str, ColumnKind]:
    """Field name -> column kind, in declaration order."""
    return {name: _kind(info.annotation) for name, info in model.model_fields.items()}


@cache
def required(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(n for n, info in model.model_fields.items() if info.is_required())
