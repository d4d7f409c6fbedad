"""Scans, findings, assessments and campaigns: what is written is read back whole."""

from __future__ import annotations

from unmask.model import Assessment, Evidence, Finding
from unmask.model.scans import ScanCampaign
from unmask.store.interface import DataStore

EV = Evidence("photo matches 3 other accounts", 0.7, "photo seen elsewhere", ("b", "c"), {"n": 3})


def _assessed(subject: str, risk: float, route: str) -> Assessment:
    findings = (
        Finding("shared_photo", "2", subject, risk, (EV,), "", "account"),
        Finding.abstain("synthetic_face", "1", subject, "no photo"),
        Finding("sparse_profile", "1", subject, risk / 2, (Evidence("3 fields"),)),
    )
    return Assessment(subject, risk, route, "p7", findings)


def _campaign() -> ScanCampaign:
    f = Finding("campaign_links", "1", "cmp-1", 0.9, (Evidence("2 linked"),), "", "campaign")
    return ScanCampaign(
        "cmp-1",
        ("a", "b"),
        0.9,
        "review",
        "p7",
        {"photo": 1},
        (("a", "b", "photo"),),
        ({"id": "t1", "sensitive": True},),
        (f,),
    )


def test_latest_finished_scan_and_stage_reruns(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        assert uow.scans.latest() is None and uow.scans.latest(finished=False) is None
        first = uow.scans.open("duckdb", "p7", ["shared_photo@2"])
        uow.scans.write(first, [_assessed("a", 0.9, "review")], [])
        second = uow.scans.open("duckdb", "p7", ["shared_photo@2"])
    with ds.unit_of_work() as uow:
        latest = uow.scans.latest()
        assert latest is not None and latest.id == first and latest.finished
        assert latest.detectors == ("shared_photo@2",) and latest.finished_at is not None
        running = uow.scans.latest(finished=False)
        assert running is not None and running.id == second and running.status == "running"
        uow.scans.fail(second)
    with ds.unit_of_work() as uow:
        failed = uow.scans.get(second)
        assert failed is not None and failed.status == "failed"
        assert uow.scans.get(second + 100) is None


def test_findings_round_trip_every_field_strongest_first(ds: DataStore) -> None:
    written = _assessed("a", 0.9, "review")
    with ds.unit_of_work() as uow:
        sid = uow.scans.open("duckdb", "p7", [])
        uow.scans.write(sid, [written, _assessed("b", 0.2, "none")], [_campaign()])
    with ds.unit_of_work() as uow:
        got = uow.scans.findings(sid, "a")
        assert [f.detector for f in got] == ["shared_photo", "sparse_profile", "synthetic_face"]
        assert got[0] == written.findings[0] and got[0].evidence[0] == EV
        assert got[2].abstained and got[2].reason == "no photo"
        assert uow.scans.findings(sid, "nobody") == []
        assert uow.scans.findings(sid, "cmp-1")[0].subject_kind == "campaign"
        many = uow.scans.findings_of(sid, ["b", "a", "nobody"])
        assert set(many) == {"a", "b"} and many["a"] == got


def test_rewriting_a_scan_replaces_it(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        sid = uow.scans.open("duckdb", "p7", [])
        uow.scans.write(sid, [_assessed("a", 0.9, "review")], [_campaign()])
        uow.scans.write(sid, [_assessed("b", 0.4, "none")], [])
    with ds.unit_of_work() as uow:
        assert uow.scans.findings(sid, "a") == [] and len(uow.scans.findings(sid, "b")) == 3
        assert [a.subject for a in uow.scans.assessments(sid)] == ["b"]
        assert uow.scans.campaigns(sid) == []


def test_assessments_filters_and_order(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        sid = uow.scans.open("duckdb", "p7", [])
        rows = [("a", 0.5, "review"), ("b", 0.9, "auto_restrict"), ("c", 0.1, "none")]
        rows += [("d", 0.5, "review")]
        uow.scans.write(sid, [_assessed(*r) for r in rows], [_campaign()])
    with ds.unit_of_work() as uow:
        every = uow.scans.assessments(sid)
        assert [a.subject for a in every] == ["b", "a", "d", "c"]
        assert every[0].route == "auto_restrict" and every[0].policy_version == "p7"
        assert all(a.subject_kind == "account" for a in every)
        flagged = uow.scans.assessments(sid, routes=("review", "auto_restrict"), limit=2)
        assert [a.subject for a in flagged] == ["b", "a"]
        some = uow.scans.assessments(sid, subjects=["c", "a", "zz"])
        assert [a.subject for a in some] == ["a", "c"]
        assert uow.scans.assessments(sid, subject_kind="campaign") == []
        assert uow.scans.campaigns(sid) == [_campaign()]


def test_findings_only_scans_are_never_the_latest(ds: DataStore) -> None:
    f = Finding("intel_match", "1", "a", 0.8, (EV,))
    with ds.unit_of_work() as uow:
        done = uow.scans.open("duckdb", "p7", [])
        uow.scans.write(done, [_assessed("b", 0.2, "none")], [])
        intel = uow.scans.record_findings("intel", "intel-1", ["intel_match"], [f])
    with ds.unit_of_work() as uow:
        latest = uow.scans.latest()
        assert latest is not None and latest.id == done
        got = uow.scans.get(intel)
        assert got is not None and got.status == "intel" and got.finished_at is not None
        assert uow.scans.findings(intel, "a") == [f]
