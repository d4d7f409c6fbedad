from __future__ import annotations

import pytest

from unmask.detectors.artifact_npz import ArtifactError
from unmask.detectors.text_origin import TextOrigin
from unmask.model import Account, Snapshot

from .fixtures import GENERATED_ABOUTS, HUMAN_ABOUTS, T0, TEMPLATE, account, labelled_snapshot


def _snapshot(*accounts: Account) -> Snapshot:
    return Snapshot(accounts={a.id: a for a in accounts}, as_of=T0)


def test_abstains_without_text() -> None:
    finding = TextOrigin().detect(_snapshot(account("blank")))[0]
    assert finding.score is None and finding.reason == "no profile text"


def test_untrained_says_so_and_uses_heuristics() -> None:
    snap = _snapshot(
        account("plain", about=HUMAN_ABOUTS[0]), account("stock", about=GENERATED_ABOUTS[0])
    )
    plain, stock = TextOrigin().detect(snap)
    assert "not trained" in plain.evidence[0].text
    assert stock.score is not None and plain.score is not None
    assert stock.score > plain.score
    assert "leveraging" in stock.evidence[0].data["stock_words"]


def test_near_duplicate_text_across_accounts_is_evidence() -> None:
    snap = _snapshot(account("a", about=TEMPLATE), account("b", about=TEMPLATE + " Reach out."),
                     account("c", about=HUMAN_ABOUTS[1]))  # fmt: skip
    a, _, c = TextOrigin().detect(snap)
    dup = [e for e in a.evidence if e.related]
    assert dup and dup[0].related == ("b",) and dup[0].member_text
    assert a.score is not None and c.score is not None and a.score >= 0.6 > c.score


def test_placeholder_left_in_text_is_evidence() -> None:
    snap = _snapshot(account("p", about="Recruiter at [Company Name], hiring for you."))
    finding = TextOrigin().detect(snap)[0]
    slots = [e for e in finding.evidence if "placeholder" in e.text]
    assert slots and slots[0].data["placeholders"] == ["[Company Name]"]


def test_fit_too_few_labels_stays_untrained() -> None:
    snap, labels = labelled_snapshot()
    det = TextOrigin(use_embeddings=False).fit(snap, {k: labels[k] for k in ("h0", "g0")})
    assert det.model_ is None and "not trained" in det.fit_note_


def test_fit_and_artifact_round_trip() -> None:
    snap, labels = labelled_snapshot()
    det = TextOrigin(use_embeddings=False, min_per_class=5).fit(snap, labels)
    scores = {f.subject: f.score for f in det.detect(snap)}
    assert all(scores[f"g{i}"] > scores[f"h{i}"] for i in range(12))  # type: ignore[operator]
    restored = TextOrigin()
    restored.load_artifact(det.to_artifact())
    assert {f.subject: f.score for f in restored.detect(snap)} == scores


def test_artifact_of_another_detector_is_refused() -> None:
    from unmask.detectors.approach_language import ApproachLanguage

    with pytest.raises(ArtifactError):
        TextOrigin().load_artifact(ApproachLanguage().to_artifact())
