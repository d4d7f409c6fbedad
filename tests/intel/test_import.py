"""Import: malformed input is reported object by object and the rest is imported."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from unmask.intel.formats import Status, parse_bytes
from unmask.intel.formats.misp import parse_misp
from unmask.intel.formats.stix_in import parse_stix
from unmask.model.enums import IndicatorKind, Tlp

NOW = datetime(2026, 3, 1, tzinfo=UTC)
STAMP = "2026-02-01T00:00:00.000Z"


def _ind(n: int, pattern: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "indicator",
        "spec_version": "2.1",
        "id": f"indicator--00000000-0000-4000-8000-{n:012d}",
        "created": STAMP,
        "modified": STAMP,
        "pattern": pattern,
        "pattern_type": "stix",
        "valid_from": STAMP,
        **extra,
    }


def _statuses(result: Any) -> list[str]:
    return [o.status.value for o in result.outcomes]


def test_a_malformed_bundle_gives_per_object_errors_and_imports_the_rest() -> None:
    objects = [
        _ind(1, "[email-addr:value = 'h.r@front.example']", confidence=80),
        {k: v for k, v in _ind(2, "[domain-name:value = 'x.example']").items() if k != "pattern"},
        {"type": "persona-card", "spec_version": "2.1", "id": "persona-card--1"},
        {**_ind(3, "[url:value = 'http://front.example/jobs']"), "spec_version": "2.2"},
        _ind(4, "[file:name = 'cv.docx']"),
        {"type": "x-acme-thing", "spec_version": "2.1", "id": "x-acme-thing--1"},
        "not an object",
        _ind(5, "[email-addr:value = 'not-an-address']"),
        _ind(6, "[user-account:display_name = 'Sarah Lin']", revoked=True),
        _ind(
            7, "[ipv4-addr:value = '203.0.113.0/24'] OR [x-unmask-phone:value = '+44 20 7946 0000']"
        ),
    ]
    result = parse_stix(
        orjson.dumps({"type": "bundle", "id": "bundle--1", "objects": objects}),
        name="feed.json",
        source="test",
        now=NOW,
    )
    assert _statuses(result) == [
        "imported",  # 1
        "rejected",  # 2 missing pattern
        "rejected",  # 3 unknown type
        "rejected",  # 4 wrong spec version
        "skipped",  # 5 no usable comparison
        "skipped",  # 6 custom object
        "rejected",  # 7 not an object
        "rejected",  # 8 invalid value
        "skipped",  # 9 revoked
        "imported",  # 10 two comparisons
    ]
    messages = [o.message for o in result.outcomes]
    assert "pattern" in messages[1] and "persona-card" in messages[2] and "2.2" in messages[3]
    assert "e-mail" in messages[7]
    kinds = sorted(i.kind.value for i in result.indicators)
    assert kinds == ["email", "ip_range", "phone"]
    email = next(i for i in result.indicators if i.kind is IndicatorKind.EMAIL)
    assert email.confidence == pytest.approx(0.8) and email.tlp is Tlp.AMBER


def test_bad_json_and_non_bundles_are_reported() -> None:
    for data in (b'{"type": "bundle", "objects": [', b"[1, 2]", b'{"objects": 3}'):
        result = parse_stix(data, name="broken.json", source="t", now=NOW)
        assert [o.status for o in result.outcomes] == [Status.REJECTED]
        assert result.outcomes[0].type == "file"


def test_stix20_bundle_markings_and_campaign_attribution() -> None:
    bundle = {
        "type": "bundle",
        "id": "bundle--2",
        "spec_version": "2.0",
        "objects": [
            {
                "type": "marking-definition",
                "id": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
                "created": "2017-01-20T00:00:00.000Z",
                "definition_type": "tlp",
                "definition": {"tlp": "green"},
            },
            {
                "type": "indicator",
                "id": "indicator--00000000-0000-4000-8000-000000000009",
                "created": STAMP,
                "modified": STAMP,
                "labels": ["attribution"],
                "pattern": "[domain-name:value = 'talent-partners.example']",
                "valid_from": STAMP,
                "object_marking_refs": ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"],
            },
            {
                "type": "intrusion-set",
                "id": "intrusion-set--00000000-0000-4000-8000-000000000002",
                "created": STAMP,
                "modified": STAMP,
                "name": "Group X",
            },
            {
                "type": "relationship",
                "id": "relationship--00000000-0000-4000-8000-000000000003",
                "created": STAMP,
                "modified": STAMP,
                "relationship_type": "indicates",
                "source_ref": "indicator--00000000-0000-4000-8000-000000000009",
                "target_ref": "intrusion-set--00000000-0000-4000-8000-000000000002",
            },
        ],
    }
    result = parse_stix(orjson.dumps(bundle), name="old.json", source="t", now=NOW)
    (ind,) = result.indicators
    assert ind.tlp is Tlp.GREEN and ind.campaign == "Group X"
    assert {o.type for o in result.outcomes if o.status is Status.CONTEXT} == {
        "marking-definition",
        "intrusion-set",
        "relationship",
    }


def test_misp_event_attributes_and_objects() -> None:
    event = {
        "Event": {
            "info": "Fake recruiter personas",
            "uuid": "5f0c0a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a",
            "Tag": [{"name": "tlp:green"}],
            "Attribute": [
                {
                    "type": "email-src",
                    "value": "jobs@talent-partners.example",
                    "category": "Payload delivery",
                },
                {
                    "type": "md5",
                    "value": "d41d8cd98f00b204e9800998ecf8427e",
                    "category": "Payload delivery",
                },
                {"type": "domain", "value": "not a domain", "category": "Network activity"},
                {
                    "type": "phone-number",
                    "value": "+44 20 7946 0000",
                    "category": "Person",
                    "Tag": [{"name": "tlp:red"}],
                },
            ],
            "Object": [
                {
                    "name": "person",
                    "meta-category": "misc",
                    "template_uuid": "a15b0477-e9d1-4b9c-9546-abe78a4f4248",
                    "template_version": "1",
                    "Attribute": [
                        {
                            "type": "full-name",
                            "object_relation": "full-name",
                            "value": "Helen Marsh",
                        }
                    ],
                }
            ],
        }
    }
    result = parse_misp(orjson.dumps(event), name="event.json", source="t", now=NOW)
    assert _statuses(result) == ["imported", "skipped", "rejected", "imported", "imported"]
    by_kind = {i.kind: i for i in result.indicators}
    assert by_kind[IndicatorKind.PHONE].tlp is Tlp.RED
    assert by_kind[IndicatorKind.EMAIL].tlp is Tlp.GREEN
    assert by_kind[IndicatorKind.PERSONA_NAME].value == "Helen Marsh"
    broken = parse_misp(b'{"Event": {"Attribute": "nope"}}', name="e", source="t", now=NOW)
    assert [o.status for o in broken.outcomes] == [Status.REJECTED]


def test_csv_rows_are_reported_by_line(tmp_path: Path) -> None:
    text = (
        "kind,value,confidence,tlp,campaign,colour\n"
        "persona_name,Sarah Lin,0.9,amber,OP-1,red\n"
        "email,not-an-email,0.5,green,,\n"
        "fingerprint,abc,0.5,green,,\n"
        "domain,front.example,2.0,green,,\n"
        "photo_pdq," + "ab" * 32 + ",,tlp:clear,,\n"
    )
    result = parse_bytes("intel.csv", text.encode(), source="csv:test", now=NOW)
    rows = [o for o in result.outcomes if o.type == "csv-row"]
    assert [o.status.value for o in rows] == [
        "imported",
        "rejected",
        "rejected",
        "rejected",
        "imported",
    ]
    assert [o.where for o in rows][1] == "intel.csv line 3"
    assert any(o.type == "column" and o.id == "colour" for o in result.outcomes)
    assert {i.tlp for i in result.indicators} == {Tlp.AMBER, Tlp.CLEAR}
    missing = parse_bytes("x.csv", b"value\nabc\n", source="t", now=NOW)
    assert missing.outcomes[0].status is Status.REJECTED and "kind" in missing.outcomes[0].message
