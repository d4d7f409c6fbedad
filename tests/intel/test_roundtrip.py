"""Done means: export a campaign, import it into a fresh store, and the same accounts match."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import select
from tests.intel import world

from unmask.intel.service import export_campaign, import_paths
from unmask.settings import Settings
from unmask.store import Store
from unmask.store.review_schema import cases
from unmask.store.schema import findings


def _fresh(tmp_path: Path, name: str) -> Store:
    url = f"sqlite:///{tmp_path / name / 'unmask.db'}"
    store = Store(url, Settings(data_dir=tmp_path / name, database_url=url))
    store.migrate()
    return store


def _matched(store: Store, threshold: float = 0.5) -> set[str]:
    with store.connect() as conn:
        rows = conn.execute(select(findings.c.subject, findings.c.score)).all()
    return {s for s, score in rows if score is not None and score >= threshold}


@pytest.mark.parametrize("fmt", ["stix", "misp"])
def test_round_trip_matches_the_same_accounts(tmp_path: Path, fmt: str) -> None:
    ours = _fresh(tmp_path, "ours")
    world.platform(ours, with_labels=True)
    data = export_campaign(ours, world.CAMPAIGN, fmt)
    out = tmp_path / f"campaign.{'json' if fmt == 'stix' else 'misp'}"
    out.write_bytes(data)
    ours.close()

    theirs = _fresh(tmp_path, "theirs")
    world.platform(theirs, with_labels=False)
    summary = import_paths(theirs, [out], now=world.T0)
    assert summary.new > 0
    assert not [o for o in summary.parsed.outcomes if o.status == "rejected"]
    assert _matched(theirs) == {a.id for a in world.personas()}
    with theirs.connect() as conn:
        opened = set(
            conn.execute(select(cases.c.subject).where(cases.c.source == "intel")).scalars()
        )
    assert opened == {a.id for a in world.personas()}
    theirs.close()


def test_stix_export_is_a_valid_21_bundle_with_attack_references(tmp_path: Path) -> None:
    import stix2

    store = _fresh(tmp_path, "s")
    world.platform(store, with_labels=True)
    bundle = orjson.loads(export_campaign(store, world.CAMPAIGN, "stix"))
    parsed = stix2.parse(bundle, allow_custom=True, version="2.1")
    types = {o.type for o in parsed.objects}
    assert {"campaign", "identity", "user-account", "indicator", "relationship"} <= types
    techniques = {
        ref["external_id"]
        for o in bundle["objects"]
        if o["type"] == "attack-pattern"
        for ref in o["external_references"]
    }
    assert techniques == {"T1585.001", "T1566.003", "T1593.001"}
    names = {o["name"] for o in bundle["objects"] if o["type"] == "identity"}
    assert {"Sarah Lin", "Daniel Wu", "Emily Chen"} <= names
    assert export_campaign(store, world.CAMPAIGN, "stix") == orjson.dumps(
        bundle, option=orjson.OPT_INDENT_2
    ), "the same campaign exports to the same bytes"
    store.close()
