"""The window store contract, run on the in-memory twin and on Redis alike."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unmask.live.windows import MemoryWindows, Op, WindowStore

Factory = Callable[[], WindowStore]


@pytest.fixture(params=["memory", "redis"])
def make(request: pytest.FixtureRequest) -> Factory:
    if request.param == "memory":
        return MemoryWindows
    url: str = request.getfixturevalue("redis_url")
    prefix: str = request.getfixturevalue("prefix")
    from unmask.workers.redis_windows import RedisWindows

    return lambda: RedisWindows.from_url(url, prefix)


def test_sliding_counts_and_distinct(make: Factory) -> None:
    w = make()
    answers = [
        w.apply(
            f"e{i}", 1000.0 + 600 * i, [Op("zadd", "k", f"e{i}", 3600), Op("zcount", "k", "", 60)]
        )
        for i in range(8)
    ]
    assert [a[0][0] for a in answers] == [1, 2, 3, 4, 5, 6, 6, 6]  # an hour holds 6 of them
    assert all(a[0][1] == 1 for a in answers) and all(a[1] for a in answers)
    same = [w.apply(f"d{i}", 5000.0 + i, [Op("zadd", "t", "bob", 3600)])[0][0] for i in range(3)]
    assert same == [1, 1, 1], "a member counts once however often it is seen"


def test_repeated_event_returns_first_answer_and_counts_once(make: Factory) -> None:
    w = make()
    first = w.apply("x", 100.0, [Op("hincr", "h", "n", 1.0), Op("zadd", "z", "x", 60)])
    again = w.apply("x", 100.0, [Op("hincr", "h", "n", 1.0), Op("zadd", "z", "x", 60)])
    assert first == ([1.0, 1.0], True) and again == ([1.0, 1.0], False)
    assert w.apply("y", 101.0, [Op("hincr", "h", "n", 0.0)])[0] == [1.0]


def test_near_and_conditional_ops(make: Factory) -> None:
    w = make()
    seq = []
    for i, n in enumerate([100, 101, 500, 102, 900]):
        ops = [Op("near", "n", str(n), 3600), Op("zadd", "q", f"v{i}", 3600, when=0)]
        seq.append(w.apply(f"v{i}", 10.0 + i, ops)[0])
    assert [s[0] for s in seq] == [0, 1, 0, 1, 0]
    assert [s[1] for s in seq] == [0, 1, 1, 2, 2], "only adjacent views are counted"


def test_empty_ops(make: Factory) -> None:
    assert make().apply("nothing", 1.0, []) == ([], True)
