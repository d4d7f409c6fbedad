"""Account-takeover signals from logins, IP geolocation (a seam) and member alerts."""

from unmask.takeover.alerts import MemberAlert, alerts_from_findings
from unmask.takeover.geo import BUILTIN, GeoLookup, Place, default_lookup, load_prefix_csv
from unmask.takeover.signals import Thresholds

__all__ = [
    "BUILTIN",
    "GeoLookup",
    "MemberAlert",
    "Place",
    "Thresholds",
    "alerts_from_findings",
    "default_lookup",
    "load_prefix_csv",
]
