"""Threat-intelligence exchange: indicators, retro-matching, STIX/MISP/CSV formats, TAXII.

Pure modules (no database, HTTP or web framework): ``indicators``, ``normalise``, ``observe``,
``matching``, ``pdq_index`` and everything under ``formats``. The store-facing pieces are
``repo`` and ``service``; the TAXII client is under ``clients``.
"""
