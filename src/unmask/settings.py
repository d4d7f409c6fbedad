"""Where unmask keeps its data, read from the environment.

``UNMASK_DATA_DIR`` (default ``./.unmask``) holds the default SQLite store, quarantine files and
trained model artefacts. ``UNMASK_DATABASE_URL`` points the store elsewhere (e.g.
``postgresql+psycopg://user@127.0.0.1/unmask``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("UNMASK_DATA_DIR", ".unmask")).expanduser()
    url = os.environ.get("UNMASK_DATABASE_URL") or f"sqlite:///{data_dir.resolve() / 'unmask.db'}"
    return Settings(data_dir=data_dir, database_url=url)
