"""Columnar activity tables: numpy columns, concatenated per record type, sorted by time and
written in chunks. Rows from genuine members and from campaigns share one table per type and
one id space, so neither file order nor ids say which generator made a row."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

Table = dict[str, np.ndarray]

INV_STATUS: tuple[str, ...] = ("pending", "accepted", "ignored", "withdrawn")
PENDING, ACCEPTED, IGNORED, WITHDRAWN = range(4)
VIEW_SOURCES: tuple[str, ...] = ("search", "profile", "network", "direct", "external", "logged_out")
REASONS: tuple[str, ...] = (
    "fake_profile",
    "suspicious_approach",
    "impersonation",
    "spam",
    "harassment",
    "scam",
    "other",
)


def new_ids(rng: np.random.Generator, n: int) -> np.ndarray:
    """Random 63-bit ids: stable under re-ordering, so other rows can refer to them."""
    out: np.ndarray = rng.integers(1, 1 << 63, size=n, dtype=np.int64)
    return out


def concat(parts: list[Table], time_col: str) -> Table:
    """One table from parts (same columns), sorted by time (stable)."""
    parts = [p for p in parts if len(p[time_col])]
    if not parts:
        return {}
    out = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    order = np.argsort(out[time_col], kind="stable")
    return {k: v[order] for k, v in out.items()}


def objects(values: Sequence[object]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def chunks(table: Table, size: int = 500_000) -> Iterator[tuple[int, Table]]:
    n = len(next(iter(table.values()))) if table else 0
    for begin in range(0, n, size):
        yield begin, {k: v[begin : begin + size] for k, v in table.items()}


def check_unique(ids: np.ndarray, kind: str) -> None:
    if len(np.unique(ids)) != len(ids):
        raise RuntimeError(f"duplicate {kind} ids: change the seed")


class Rows:
    """Row-at-a-time building of a small table (campaign activity, reports)."""

    def __init__(self, **dtypes: str) -> None:
        self.dtypes = dtypes
        self.cols: dict[str, list[object]] = {k: [] for k in dtypes}

    def add(self, **values: object) -> None:
        for k, col in self.cols.items():
            col.append(values[k])

    def table(self) -> Table:
        return {
            k: (objects(v) if self.dtypes[k] == "O" else np.array(v, dtype=self.dtypes[k]))
            for k, v in self.cols.items()
        }


def invitation_rows() -> Rows:
    return Rows(
        id="i8", sender="i4", recipient="i4", sent="i8", status="i1", responded="i8", note="O"
    )


def message_rows() -> Rows:
    return Rows(id="i8", sender="i4", recipient="i4", sent="i8", body="O", attach="O")


def report_rows() -> Rows:
    return Rows(reporter="i4", reported="i4", at="i8", reason="i1", text="O", inv="i8", msg="i8")


def view_rows() -> Rows:
    return Rows(viewer="i4", viewed="i4", at="i8", ip="u4", source="i1", query="O")


def login_rows() -> Rows:
    return Rows(account="i4", at="i8", ip="u4", ua="i2", success="?")


def endorsement_rows() -> Rows:
    return Rows(endorser="i4", endorsee="i4", skill="O", at="i8")
