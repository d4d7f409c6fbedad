"""One small simulated network shared by the simulator tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from unmask.sim import SimSummary, simulate

MEMBERS = 3000
SEED = int(os.environ.get("UNMASK_SIM_TEST_SEED", "11"))


def rows(folder: Path, name: str) -> Iterator[dict[str, Any]]:
    with (folder / f"{name}.jsonl").open("rb") as fh:
        for line in fh:
            yield orjson.loads(line)


@pytest.fixture(scope="session")
def sim(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SimSummary]:
    out = tmp_path_factory.mktemp("sim")
    return out, simulate(MEMBERS, SEED, out)


@pytest.fixture(scope="session")
def data(sim: tuple[Path, SimSummary]) -> dict[str, list[dict[str, Any]]]:
    """Every file of the shared network, parsed."""
    folder = sim[0]
    names = (
        "accounts",
        "organisations",
        "connections",
        "invitations",
        "messages",
        "logins",
        "reports",
        "profile_views",
        "endorsements",
        "indicators",
        "labels",
    )
    out = {name: list(rows(folder, name)) for name in names}
    out["campaigns"] = orjson.loads((folder / "campaigns.json").read_bytes())
    return out
