"""The evaluation adapters carry their corpus's own repairs, which production does not."""

from __future__ import annotations

from unmask.evaluation.text import jobs, tweepfake


def test_emscad_adapter_repairs_what_its_scrape_broke() -> None:
    raw = "Oil &amp; Gas team.Please apply to our teamToday [Company Name] #URL_0a1b2c# caf\u00e9"
    assert jobs.clean(raw) == "Oil & Gas team. Please apply to our team Today caf"


def test_tweepfake_adapter_drops_links_and_handles() -> None:
    raw = "Thanks @JustinTrudeau &amp; all https://t.co/AbC123 for the cut tweet \u2026"
    assert tweepfake.clean(raw) == "Thanks @user & all for the cut tweet"


def test_every_tweepfake_account_has_one_persona() -> None:
    names = [n for group in tweepfake.PERSONAS.values() for n in group]
    assert len(names) == len(set(names)) == 40
