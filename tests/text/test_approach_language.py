from __future__ import annotations

import re
from datetime import timedelta

from unmask.detectors.approach_language import ApproachLanguage
from unmask.model import Invitation, Snapshot

from .fixtures import T0, account, approach_snapshot


def test_quotes_the_phrases_that_fired() -> None:
    persona, friend, target, silent = ApproachLanguage().detect(
        approach_snapshot(), ["persona", "friend", "target", "silent"]
    )
    assert target.score is None and silent.score is None
    assert "no invitation notes or messages" in target.reason
    ev = persona.evidence[0]
    phrases = {q["phrase"] for q in ev.data["quotes"]}
    assert {"Impressed by your profile", "WhatsApp", "send your CV"} <= phrases
    assert {"paid_report", "off_platform", "cv_request"} <= set(ev.data["categories"])
    assert "rules only" in ev.text
    assert friend.score == 0.0 and persona.score is not None and persona.score > 0.7


def test_member_text_is_coarse() -> None:
    persona = ApproachLanguage().detect(approach_snapshot(), ["persona"])[0]
    member = persona.evidence[0].member_text
    assert member is not None and member.startswith("they ")
    assert not re.search(r"\d|weight|score", member)


def _training_snapshot() -> tuple[Snapshot, dict[str, bool]]:
    lures = [
        "Your impressive expertise is valued; we pay $1,500 per report, continue on Telegram?",
        "Long-term cooperation with my client in Asia, paid travel, keep it confidential.",
        "Send your CV and the projects you are working on; referral bonus for each colleague.",
    ]
    plain = ["Nice to meet you at the workshop on corrosion testing.",
             "Thanks for the slides, see you at the next meetup.",
             "Congrats on the promotion, well deserved!"]  # fmt: skip
    accounts, invites, labels = [], [], {}
    for i in range(18):
        fake = i % 2 == 0
        aid = f"{'f' if fake else 'g'}{i}"
        accounts.append(account(aid))
        note = (lures if fake else plain)[i % 3]
        invites.append(Invitation(id=f"i{i}", sender=aid, recipient="g1", note=note,
                                  sent_at=T0 - timedelta(hours=i)))  # fmt: skip
        labels[aid] = fake
    return Snapshot(accounts={a.id: a for a in accounts}, invitations=invites, as_of=T0), labels


def test_fit_and_artifact_round_trip() -> None:
    snap, labels = _training_snapshot()
    assert ApproachLanguage().fit(snap, labels).model_ is None, "a trained model is opt-in"
    det = ApproachLanguage(train_model=True).fit(snap, labels)
    assert det.model_ is not None
    scores = {f.subject: f.score or 0.0 for f in det.detect(snap)}
    fakes = [s for k, s in scores.items() if labels[k]]
    assert min(fakes) > max(s for k, s in scores.items() if not labels[k])
    rules = {f.subject: f.evidence[0].data["rule_score"] for f in det.detect(snap)}
    assert all(scores[k] >= rules[k] for k in scores), "the model never lowers the rule score"
    ignored = ApproachLanguage()
    ignored.load_artifact(det.to_artifact())
    assert ignored.model_ is None, "a saved model is used only when train_model is set"
    restored = ApproachLanguage(train_model=True)
    restored.load_artifact(det.to_artifact())
    assert {f.subject: f.score or 0.0 for f in restored.detect(snap)} == scores
    assert "trained model" in restored.detect(snap, ["f0"])[0].evidence[0].text
