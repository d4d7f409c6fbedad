"""The reconnaissance detector and the live view decision on simulated view streams."""

from __future__ import annotations

from tests.live.world import MEMBERS, T0, events, view, world

from unmask.live.assess import LiveScorer
from unmask.live.directory import SnapshotDirectory
from unmask.live.reconnaissance import Reconnaissance
from unmask.live.replay import view_peaks
from unmask.live.windows import MemoryWindows
from unmask.model import ProfileView, Snapshot
from unmask.model.enums import ViewSource
from unmask.scoring import load_policy

IDS = [m.id for m in MEMBERS]


def _ordinary(viewer: str, start: int) -> list[ProfileView]:
    """A member looking at a dozen profiles over an afternoon."""
    return [view(start + k, viewer, IDS[(k * 37) % 300], seconds=900 * k) for k in range(12)]


def _sequential(viewer: str | None, start: int, ip: str | None = None) -> list[ProfileView]:
    """An enumerator walking member ids, one profile every two seconds."""
    return [view(start + k, viewer, IDS[k], seconds=2 * k, ip=ip) for k in range(150)]


def _org_harvest(viewer: str, start: int) -> list[ProfileView]:
    """Search-driven, only staff of the defence firm (every third member), one a minute or so."""
    staff = [m for i, m in enumerate(IDS, start=1) if i % 3 == 1]
    return [
        view(
            start + k, viewer, staff[(k * 7) % len(staff)], seconds=40 * k, source=ViewSource.SEARCH
        )
        for k in range(60)
    ]


def _snapshot(views: list[ProfileView]) -> Snapshot:
    base = world()
    return Snapshot(
        accounts=base.accounts, organisations=base.organisations, profile_views=views, as_of=T0
    )


def test_detector_separates_harvesters_from_ordinary_members() -> None:
    views = [
        *_ordinary("m000010", 0),
        *_ordinary("m000011", 1000),
        *_sequential("m000020", 2000),
        *_org_harvest("m000030", 3000),
    ]
    found = {f.subject: f for f in Reconnaissance().detect(_snapshot(views))}
    ordinary = max(found["m000010"].score or 0, found["m000011"].score or 0)
    assert ordinary < 0.2
    assert (found["m000020"].score or 0) > 0.8
    assert (found["m000030"].score or 0) > 0.6
    parts = {e.data.get("part") for e in found["m000020"].evidence}
    assert {"sequential", "velocity"} <= parts
    org_parts = {e.data.get("part") for e in found["m000030"].evidence}
    assert {"search", "sensitive"} <= org_parts
    assert found["m000050"].score == 0.0, "an account that viewed nothing scores 0"


def test_logged_out_scraping_is_found_by_ip() -> None:
    views = [*_sequential(None, 0, ip="192.0.2.44"), *_ordinary("m000010", 5000)]
    by_ip = Reconnaissance().detect_ips(_snapshot(views))
    assert [f.subject for f in by_ip] == ["ip:192.0.2.44"]
    assert by_ip[0].subject_kind == "ip" and (by_ip[0].score or 0) > 0.8
    assert any("logged out" in e.text for e in by_ip[0].evidence)


def test_live_view_decisions_block_the_scraper_but_not_members() -> None:
    scorer = LiveScorer(load_policy())
    windows, directory = MemoryWindows(), SnapshotDirectory(world())
    scrape = [
        scorer.score(e, windows, directory) for e in events(_sequential(None, 0, "192.0.2.9"))
    ]
    normal = [scorer.score(e, windows, directory) for e in events(_ordinary("m000010", 900))]
    assert scrape[0].decision == "allow" and scrape[-1].decision == "block"
    assert scrape[-1].subject == "ip:192.0.2.9"
    assert {d.decision for d in normal} == {"allow"}


def test_live_and_batch_share_the_feature_definition() -> None:
    views = _sequential("m000020", 0)
    scorer, windows, directory = (
        LiveScorer(load_policy()),
        MemoryWindows(),
        SnapshotDirectory(world()),
    )
    live = [scorer.score(e, windows, directory) for e in events(views)]
    batch = view_peaks(_snapshot(views))["m000020"]
    assert batch.views == len(live)
    assert dict(live[-1].features) == batch.last, "one feature definition, replayed at night"
