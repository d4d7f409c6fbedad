from __future__ import annotations

import math

from unmask.detectors.text_features import (
    STYLE_FEATURES,
    find_placeholders,
    generated_style_hits,
    normalise_text,
    remove_placeholders,
    style_features,
)


def test_normalise_undoes_layout_and_entities() -> None:
    raw = "Oil &amp; Gas\u00a0team. Please apply \u2022 fast\n\n  - bullet **bold**"
    assert normalise_text(raw) == "Oil & Gas team. Please apply fast bullet bold"


def test_normalise_keeps_words_as_written() -> None:
    text = "Ex-LinkedIn, now at McKinsey: JavaScript, PowerPoint, iOS, Node.js and e.g.Foo."
    assert normalise_text(text) == text
    assert normalise_text("LinkedIn") == "LinkedIn"


def test_placeholders_stay_in_normalised_text_and_can_be_removed() -> None:
    text = "Join [Company Name] as a [Job Title - e.g., Analyst]. See #URL_0a1b2c#."
    assert normalise_text(text) == text
    assert find_placeholders(text) == ["[Company Name]", "[Job Title - e.g., Analyst]"]
    assert remove_placeholders(text) == "Join as a . See #URL_0a1b2c#."


def test_normalise_is_idempotent() -> None:
    text = "We\u2019re hiring\u2014now!Apply via the \u201cportal\u201d."
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert once == 'We\'re hiring-now!Apply via the "portal".'  # no corpus repairs


def test_style_features_are_complete_finite_and_deterministic() -> None:
    for text in ("", "one", "A short note. Another, longer sentence with words!"):
        feats = style_features(text)
        assert tuple(feats) == STYLE_FEATURES
        assert all(math.isfinite(v) for v in feats.values())
        assert feats == style_features(text)


def test_style_features_see_stock_phrasing() -> None:
    plain = style_features("I fix boilers in Hull and have done for years. Call the office.")
    stock = style_features("Leveraging cutting-edge synergies to foster a dynamic ecosystem.")
    assert stock["generated_word_rate"] > plain["generated_word_rate"] == 0.0
    assert generated_style_hits("We LEVERAGE a robust, dynamic stack") == [
        "leverage",
        "robust",
        "dynamic",
    ]
