"""Matching: each kind, fuzzy names, PDQ distance, expiry, and the intel_match detector."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from tests.intel import world

from unmask.intel.detector import IntelMatch
from unmask.intel.indicators import indicator_id, make_indicator
from unmask.intel.matching import Matcher
from unmask.intel.normalise import normalise
from unmask.intel.observe import Observable
from unmask.intel.pdq_index import PdqIndex
from unmask.model import Snapshot
from unmask.model.enums import IndicatorKind as K
from unmask.model.records import Indicator


def _ind(kind: str, value: str, **kw: object) -> Indicator:
    return make_indicator(kind, value, "agency:test", world.T0 - timedelta(days=1), **kw)  # type: ignore[arg-type]


def _hits(ind: Indicator, kind: K, value: str) -> list[float]:
    return [
        h.similarity for h in Matcher([ind], world.T0).match([Observable("a", kind, value, "x")])
    ]


@pytest.mark.parametrize(
    ("kind", "indicator", "observed", "expected"),
    [
        (K.PERSONA_NAME, "Sarah Lin", "LIN, Sarah J.", 1.0),
        (K.PERSONA_NAME, "Sarah Lindqvist", "Sara Lindqvist", pytest.approx(1 - 1 / 15)),
        (K.PERSONA_NAME, "Sarah Lin", "Sam Lin", None),
        (K.PERSONA_NAME, "Maris Marrosjo", "Maxis Marrosjo", pytest.approx(1 - 1 / 14)),
        (K.PERSONA_NAME, "Quixan Faanper", "QuixanFaanper", pytest.approx(1 - 1 / 14)),
        (K.COMPANY, "Global Talent Partners Ltd", "global talent partners", 1.0),
        (
            K.COMPANY,
            "Meridian Strategic Advisory",
            "Meridian Stratgic Advisory GmbH",
            pytest.approx(1 - 1 / 27),
        ),
        (K.EMAIL, "H.R@Front.example", "h.r@front.example", 1.0),
        (K.DOMAIN, "front.example", "mail.front.example", 1.0),
        (K.DOMAIN, "front.example", "notfront.example", None),
        (K.URL, "https://www.front.example/jobs/", "http://front.example/jobs", 1.0),
        (K.PHONE, "+44 20 7946 0000", "020 7946 0000", 1.0),
        (K.IP_RANGE, "203.0.113.0/24", "203.0.113.45", 1.0),
        (K.IP_RANGE, "203.0.113.0/24", "203.0.114.1", None),
        (
            K.PHRASE,
            "long-term cooperation is possible",
            "Pay is good. Long-term cooperation is possible!",
            1.0,
        ),
        (
            K.PHRASE,
            "long-term cooperation is possible",
            "long-term cooperation is impossible",
            None,
        ),
    ],
)
def test_each_kind(kind: K, indicator: str, observed: str, expected: object) -> None:
    sims = _hits(_ind(kind.value, indicator), kind, observed)
    assert sims == ([] if expected is None else [expected])


def test_expired_indicators_do_not_match() -> None:
    old = _ind("email", "a@b.example", expires_at=world.T0 - timedelta(hours=1))
    assert _hits(old, K.EMAIL, "a@b.example") == []


def test_ids_are_stable_and_per_source() -> None:
    assert indicator_id("a", K.PERSONA_NAME, "Sarah Lin") == indicator_id(
        "a", K.PERSONA_NAME, "LIN sarah"
    )
    assert indicator_id("a", K.PERSONA_NAME, "Sarah Lin") != indicator_id(
        "b", K.PERSONA_NAME, "Sarah Lin"
    )
    with pytest.raises(ValueError, match="PDQ"):
        normalise(K.PHOTO_PDQ, "xyz")


def test_pdq_index_is_exact_up_to_31_bits() -> None:
    rnd = random.Random(3)
    stored = [f"{rnd.getrandbits(256):064x}" for _ in range(300)]
    queries = []
    for i in range(600):
        value = int(stored[i % 300], 16)
        for bit in rnd.sample(range(256), i % 45):
            value ^= 1 << bit
        queries.append(f"{value:064x}")
    qi, ti, dist = PdqIndex(stored, 31).query(queries)
    found = set(zip(qi.tolist(), ti.tolist(), strict=True))
    brute = {
        (q, t)
        for q, qh in enumerate(queries)
        for t, th in enumerate(stored)
        if bin(int(qh, 16) ^ int(th, 16)).count("1") <= 31
    }
    assert found == brute and bool((dist <= 31).all())


def test_detector_finds_personas_and_abstains_without_intel() -> None:
    snap = Snapshot.from_records(
        [*world.personas(), *world.genuine(), world.org(), *world.activity()], as_of=world.T0
    )
    assert all(f.score is None for f in IntelMatch().detect(snap))
    intel = [
        _ind("photo_pdq", world.PDQ_A, confidence=0.9),
        _ind("email", "s.lin@gtp-hr.example", confidence=0.8),
        _ind("company", "Northwind Defence", confidence=0.2),
    ]
    snap = Snapshot.from_records(
        [*world.personas(), *world.genuine(), world.org(), *world.activity(), *intel],
        as_of=world.T0,
    )
    found = {f.subject: f for f in IntelMatch().detect(snap)}
    assert (
        found["p1"].score is not None and found["p1"].score > 0.9
    )  # photo and e-mail in a message
    assert found["p2"].score is not None and found["p2"].score > 0.7  # the re-encoded photo
    assert found["p3"].score == 0.0
    assert found["g1"].score == pytest.approx(0.2 * 0.6)  # a weak company indicator
    text = " ".join(e.text for e in found["p1"].evidence)
    assert "message m1" in text and "agency:test" in text
    assert all(e.member_text is None for f in found.values() for e in f.evidence)
