"""Where loaded breach indexes live: ``$UNMASK_DATA_DIR/passwords/*.idx``."""

from __future__ import annotations

import re
from pathlib import Path

from unmask.passwords.index import BreachIndex, BuildStats, build_from_file


def index_dir(data_dir: Path) -> Path:
    return data_dir / "passwords"


def index_name(source: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", source.name)[:80] or "breach"
    return f"{stem}.idx"


def load_file(
    source: Path, data_dir: Path, budget: int = 64 << 20, mode: str = "auto"
) -> BuildStats:
    """Index ``source`` beside the other loaded files (a reload of the same name replaces it)."""
    return build_from_file(source, index_dir(data_dir) / index_name(source), budget, mode)


def open_indexes(data_dir: Path) -> list[BreachIndex]:
    folder = index_dir(data_dir)
    return [BreachIndex(p) for p in sorted(folder.glob("*.idx"))] if folder.is_dir() else []
