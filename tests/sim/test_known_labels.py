"""The demo ingests what a platform would know (a sample of the truth), never every label."""

from __future__ import annotations

from datetime import UTC, datetime

from unmask.model.records import Label
from unmask.sim.known import known_sample

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _labels(n: int) -> list[Label]:
    return [
        Label(account_id=f"a{i}", label="fake" if i % 10 == 0 else "genuine", source="sim", at=T0)
        for i in range(n)
    ]


def test_sample_keeps_about_half_the_fakes_and_a_tenth_of_the_members() -> None:
    truth = _labels(5000)
    known = known_sample(truth, seed=7)
    fakes = sum(1 for lb in known if lb.label.value == "fake")
    genuine = len(known) - fakes
    assert 200 <= fakes <= 300, fakes  # of 500
    assert 350 <= genuine <= 550, genuine  # of 4,500
    assert all(lb.source == "demo-known" and lb.note for lb in known)
    assert known == known_sample(truth, seed=7), "deterministic"
    assert known != known_sample(truth, seed=8)
