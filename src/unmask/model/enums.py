"""Closed vocabularies of the interchange format. Unknown values are rejected at ingest."""

from enum import StrEnum


class Sector(StrEnum):
    DEFENCE = "defence"
    AEROSPACE = "aerospace"
    GOVERNMENT = "government"
    SECURITY = "security"
    PHARMACEUTICALS = "pharmaceuticals"
    ENERGY = "energy"
    TELECOM = "telecom"
    ACADEMIA = "academia"
    TECHNOLOGY = "technology"
    FINANCE = "finance"
    CONSULTING = "consulting"
    RECRUITING = "recruiting"
    THINK_TANK = "think_tank"
    MEDIA = "media"
    HEALTH = "health"
    RETAIL = "retail"
    OTHER = "other"


#: Sectors whose staff hostile services target (TRADECRAFT.md): used for exposure.
SENSITIVE_SECTORS: frozenset[Sector] = frozenset(
    {
        Sector.DEFENCE,
        Sector.AEROSPACE,
        Sector.GOVERNMENT,
        Sector.SECURITY,
        Sector.PHARMACEUTICALS,
        Sector.ENERGY,
        Sector.TELECOM,
    }
)


class InvitationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    IGNORED = "ignored"
    WITHDRAWN = "withdrawn"


class ReportReason(StrEnum):
    FAKE_PROFILE = "fake_profile"
    SUSPICIOUS_APPROACH = "suspicious_approach"
    IMPERSONATION = "impersonation"
    SPAM = "spam"
    HARASSMENT = "harassment"
    SCAM = "scam"
    OTHER = "other"


class IndicatorKind(StrEnum):
    PERSONA_NAME = "persona_name"
    PHOTO_PDQ = "photo_pdq"
    EMAIL = "email"
    DOMAIN = "domain"
    PHONE = "phone"
    COMPANY = "company"
    URL = "url"
    IP_RANGE = "ip_range"
    PHRASE = "phrase"


class Tlp(StrEnum):
    CLEAR = "clear"
    GREEN = "green"
    AMBER = "amber"
    AMBER_STRICT = "amber+strict"
    RED = "red"


class LabelValue(StrEnum):
    FAKE = "fake"
    GENUINE = "genuine"


class ViewSource(StrEnum):
    SEARCH = "search"
    PROFILE = "profile"
    NETWORK = "network"
    DIRECT = "direct"
    EXTERNAL = "external"
    LOGGED_OUT = "logged_out"
