"""The shipped policy is the one source of defaults; a policy of one's own is laid over it;
routing and combination follow the policy; every command resolves the policy the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer import Typer
from typer.testing import CliRunner

from unmask.cli import policy_cmd
from unmask.model import Evidence, Finding
from unmask.model.routing import Route
from unmask.plugins import load_plugins
from unmask.scoring import Known, Step, combine, load_policy, parse_policy, resolve_policy
from unmask.scoring.combine import route_for
from unmask.scoring.policy import shipped_text
from unmask.settings import load_settings

plugins = load_plugins()
registry = plugins.detectors


def known() -> Known:
    return plugins.known()


def test_the_shipped_policy_names_only_registered_detectors_and_weighs_every_one() -> None:
    policy = load_policy(known=known())
    assert set(policy.detectors) == set(registry.names())


def test_a_policy_of_ones_own_changes_only_what_it_names() -> None:
    shipped = load_policy()
    mine = parse_policy('version = "mine-1"\n[routing]\nreview = 0.4\n', "mine.toml", known())
    assert mine.version == "mine-1" and mine.description == ""
    assert mine.routing.review == 0.4
    assert mine.routing.auto_restrict == shipped.routing.auto_restrict
    assert mine.detectors == shipped.detectors and mine.live == shipped.live
    assert mine.enforcement.steps("remove") == (Step.REMOVE, Step.SEVER, Step.NOTIFY, Step.PUBLISH)


def test_the_ladder_is_policy_data() -> None:
    text = 'version = "quiet-1"\n[enforcement]\nremove = ["remove", "sever"]\n'
    assert parse_policy(text).enforcement.steps("remove") == (Step.REMOVE, Step.SEVER)


def test_routing_is_inclusive_and_typed() -> None:
    policy = load_policy()
    assert route_for(policy.routing.review, policy) is Route.REVIEW
    assert route_for(policy.routing.auto_restrict, policy) is Route.AUTO_RESTRICT
    assert route_for(policy.routing.review - 1e-9, policy) is Route.NONE


def test_abstentions_add_nothing_and_disabled_detectors_weigh_zero() -> None:
    policy = load_policy()
    why = (Evidence("photo matches 3 other accounts", 1.0),)
    found = [
        Finding("shared_photo", "1", "a", 1.0, why),
        Finding.abstain("photo_reuse", "1", "a", "no photo"),
        Finding("account_takeover", "1", "a", 1.0, why),
    ]
    assessment = combine("a", found, policy)
    assert assessment.risk == pytest.approx(policy.weight("shared_photo"))
    assert assessment.route == route_for(assessment.risk, policy)


def test_resolve_policy_prefers_the_option_then_the_setting(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('version = "mine-2"\n')
    other = tmp_path / "other.toml"
    other.write_text('version = "other-1"\n')
    assert resolve_policy(load_settings()).version == load_policy().version
    assert resolve_policy(load_settings(policy=mine)).version == "mine-2"
    assert resolve_policy(load_settings(policy=mine), other).version == "other-1"


def _app() -> Typer:
    app = Typer()
    policy_cmd.register(app)
    return app


def test_policy_check_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('version = "b"\n[detectors.shared_photos]\nweight = 2\n')
    result = CliRunner().invoke(_app(), ["policy", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2: detectors.shared_photos" in result.output
    assert f"{bad}:3: detectors.shared_photos.weight" in result.output
    good = CliRunner().invoke(_app(), ["policy", "check"])
    assert good.exit_code == 0 and load_policy().version in good.output
    shown = CliRunner().invoke(_app(), ["policy", "show"])
    assert shown.output == shipped_text()


def test_the_policy_versions_the_outreach_weights_the_scan_uses() -> None:
    from unmask.detectors.network.score_outreach import OutreachWeights
    from unmask.engine.scan import select_detectors

    shipped = load_policy(known=known())
    assert shipped.params("outreach") == vars(OutreachWeights())  # the file and the code agree
    assert set(shipped.params("outreach")) == registry.parameters("outreach")  # all of them
    text = 'version = "w-1"\n[detectors.outreach.params]\nignore = 0.5\nsensitive = 0.25\n'
    mine = parse_policy(text, "w.toml", known())
    (built,) = select_detectors(registry, ["outreach"], mine)
    assert built.weights.ignore == 0.5 and built.weights.sensitive == 0.25  # type: ignore[attr-defined]
    assert built.weights.one_org == 0.25  # type: ignore[attr-defined]
