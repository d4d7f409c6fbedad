"""The profile sources of ``../shared/data/profiles``, each as a ``LabelledSet``.

Five sources hold both classes: ``cresci2015``, ``instafake``, ``cresci2017``,
``botometer_feedback_2019`` and ``vendor_verified_2019``. ``political_bots_2019`` holds bots only:
it is never a source of its own, only extra positives added to a pooled training set
(``EXTRA_POSITIVES``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from unmask.evaluation.adapters import LabelledSet, botometer, cresci2015, cresci2017, instafake

Loader = Callable[[Path], LabelledSet]

LOADERS: Mapping[str, tuple[tuple[str, ...], Loader]] = {
    "cresci2015": (cresci2015.FILES, cresci2015.load),
    "instafake": (instafake.FILES, instafake.load),
    "cresci2017": (cresci2017.FILES, cresci2017.load),
    "botometer_feedback_2019": (
        botometer.FEEDBACK.files,
        lambda d: botometer.load(d, botometer.FEEDBACK),
    ),
    "vendor_verified_2019": (
        botometer.VENDOR_VERIFIED.files,
        lambda d: botometer.load(d, botometer.VENDOR_VERIFIED),
    ),
}
SOURCES: tuple[str, ...] = tuple(LOADERS)
EXTRA_POSITIVES = "political_bots_2019"
EXTRA_FILES = botometer.POLITICAL.files
REQUIRES: tuple[str, ...] = tuple(p for files, _ in LOADERS.values() for p in files)


def load_all(data: Path) -> dict[str, LabelledSet]:
    return {name: load(data) for name, (_, load) in LOADERS.items()}


def load_extra_positives(data: Path) -> LabelledSet | None:
    if not all((data / p).exists() for p in EXTRA_FILES):
        return None
    ls = botometer.load(data, botometer.POLITICAL)
    assert all(ls.labels.values()), "political_bots_2019 is bots only"
    return ls
