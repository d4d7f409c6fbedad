"""The organisation view: a security team enrols its staff (identifiers kept as HMACs) and sees
approaches to them, campaigns touching several of them and management figures."""

from unmask.org.identity import ident_hash, load_secret, normalise
from unmask.org.report import bar_chart, render_report
from unmask.org.view import Approach, OrgView, org_view

__all__ = [
    "Approach",
    "OrgView",
    "bar_chart",
    "ident_hash",
    "load_secret",
    "normalise",
    "org_view",
    "render_report",
]
