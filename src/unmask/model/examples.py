"""One example of every record type: used by docs/format.md and by the round-trip tests."""

from __future__ import annotations

from typing import Any

EXAMPLES: dict[str, dict[str, Any]] = {
    "account": {
        "id": "acc-1001",
        "created_at": "2026-03-02T09:14:00Z",
        "name": "Helen Marsh",
        "headline": "Senior Talent Partner | Meridian Strategic Advisory",
        "location": "London",
        "about": "Connecting exceptional policy minds with rewarding consulting opportunities.",
        "photo": {
            "uri": "photos/acc-1001.jpg",
            "sha256": "3" * 64,
            "pdq": "a5" * 32,
            "phash": "c3" * 8,
        },
        "positions": [
            {
                "employer": "Meridian Strategic Advisory",
                "organisation_id": "org-77",
                "title": "Senior Talent Partner",
                "start": "2025-11",
                "description": "Executive search for government and defence clients.",
            }
        ],
        "education": [
            {
                "school": "London School of Economics",
                "degree": "MSc",
                "field": "International Relations",
                "start": "2012",
                "end": "2013",
            }
        ],
        "skills": ["Executive Search", "Geopolitics"],
        "verified_email": True,
        "verified_phone": False,
        "verified_workplace": False,
        "registration": {
            "ip": "203.0.113.24",
            "user_agent": "Mozilla/5.0 (Windows NT 10.0)",
            "email_domain": "mail.example",
            "country": "GB",
        },
        "stats": {"connections": 512, "followers": 530},
        "language": "en",
    },
    "organisation": {
        "id": "org-77",
        "name": "Meridian Strategic Advisory",
        "created_at": "2025-10-30T00:00:00Z",
        "sector": "consulting",
        "country": "SG",
        "website": "https://meridian-advisory.example",
        "domain": "meridian-advisory.example",
        "size": 3,
        "verified": False,
        "description": "Geopolitical consulting for clients in Asia.",
    },
    "connection": {
        "source": "acc-1001",
        "target": "acc-2002",
        "created_at": "2026-03-05T10:00:00Z",
    },
    "invitation": {
        "id": "inv-5001",
        "sender": "acc-1001",
        "recipient": "acc-2002",
        "sent_at": "2026-03-04T18:30:00Z",
        "note": "Your experience is impressive. I have a well-paid advisory role to discuss.",
        "status": "accepted",
        "responded_at": "2026-03-05T10:00:00Z",
    },
    "message": {
        "id": "msg-9001",
        "sender": "acc-1001",
        "recipient": "acc-2002",
        "sent_at": "2026-03-06T08:00:00Z",
        "thread_id": "thr-1",
        "body": "Our client pays USD 3,000 for a 6-page report. Can we continue on WhatsApp?",
        "attachments": [],
    },
    "login": {
        "id": "log-1",
        "account_id": "acc-1001",
        "at": "2026-03-06T07:58:00Z",
        "ip": "203.0.113.24",
        "user_agent": "Mozilla/5.0",
        "success": True,
    },
    "report": {
        "id": "rep-1",
        "reporter": "acc-2002",
        "reported": "acc-1001",
        "created_at": "2026-03-06T09:00:00Z",
        "reason": "suspicious_approach",
        "text": "Offered money for a report and asked to move to WhatsApp.",
        "message_id": "msg-9001",
    },
    "profile_view": {
        "id": "pv-1",
        "viewer": "acc-1001",
        "viewed": "acc-2002",
        "at": "2026-03-04T18:20:00Z",
        "source": "search",
        "query": "defence policy",
    },
    "endorsement": {
        "id": "end-1",
        "endorser": "acc-1003",
        "endorsee": "acc-1001",
        "skill": "Executive Search",
        "at": "2026-03-03T12:00:00Z",
    },
    "indicator": {
        "id": "ind-1",
        "kind": "company",
        "value": "Meridian Strategic Advisory",
        "source": "national-security-agency-advisory",
        "created_at": "2026-04-01T00:00:00Z",
        "confidence": 0.8,
        "tlp": "amber",
        "expires_at": "2027-04-01T00:00:00Z",
        "description": "Front company used to commission paid reports.",
        "campaign": "camp-3",
    },
    "label": {
        "account_id": "acc-1001",
        "label": "fake",
        "source": "reviewer",
        "at": "2026-04-02T10:00:00Z",
        "campaign": "camp-3",
        "note": "four-eyes removal",
    },
}
