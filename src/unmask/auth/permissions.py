"""Who may do what: one table, read by the API's dependencies and the console's forms and pages
alike, so a role that the API refuses is refused on the console too (least privilege)."""

from __future__ import annotations

from typing import Literal

Permission = Literal[
    "read_cases",
    "decide",
    "second_review",
    "appeal",
    "audit",
    "sync_cases",
    "manage_users",
    "read_records",
    "read_campaigns",
    "org_view",
]

GRANTS: dict[Permission, tuple[str, ...]] = {
    "read_cases": ("analyst", "lead", "admin", "auditor"),
    "decide": ("analyst", "lead", "admin"),
    "second_review": ("lead", "admin"),
    "appeal": ("service", "analyst", "lead", "admin"),
    "audit": ("auditor", "lead", "admin"),
    "sync_cases": ("lead", "admin"),
    "manage_users": ("admin",),
    "read_records": ("analyst", "lead", "admin", "auditor"),
    "read_campaigns": ("analyst", "lead", "admin", "auditor"),
    "org_view": ("partner",),  # an organisation's security team: its own organisation only
}


def allowed(role: str, permission: Permission) -> bool:
    return role in GRANTS[permission]


def refusal(role: str, permission: Permission) -> str:
    """The sentence a refused caller sees."""
    return f"role {role!r} may not do this; needs one of {', '.join(GRANTS[permission])}"
