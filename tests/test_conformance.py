"""Every registered detector passes the conformance suite."""

from __future__ import annotations

import pytest

from unmask.detectors import DuplicateDetectorError, Registry
from unmask.detectors.conformance import CHECKS
from unmask.detectors.sparse_profile import SparseProfile
from unmask.plugins import load_plugins

registry = load_plugins().detectors


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("name", registry.names())
def test_detector_conforms(name: str, check: object) -> None:
    check(lambda: registry.create(name))  # type: ignore[operator]


def test_registry_refuses_duplicate_names() -> None:
    reg = Registry()
    reg.register(SparseProfile)
    with pytest.raises(DuplicateDetectorError):
        reg.register(SparseProfile)


def test_registry_refuses_undeclared_name() -> None:
    class Nameless:
        version = "1"

    with pytest.raises(ValueError, match="must declare"):
        Registry().register(Nameless)  # type: ignore[arg-type]
