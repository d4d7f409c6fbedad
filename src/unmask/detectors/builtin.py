"""The detectors that ship with unmask. Each module registers its detector on import.

Add a module here to make its detector part of ``unmask scan`` and of the conformance suite.
Modules must import heavy optional dependencies lazily, inside methods, so that this list always
loads.
"""

from __future__ import annotations

import importlib

BUILTIN_MODULES: tuple[str, ...] = (
    "unmask.detectors.sparse_profile",
    "unmask.detectors.shared_photo",
    "unmask.detectors.text_origin",
    "unmask.detectors.approach_language",
    "unmask.detectors.photo_reuse",
    "unmask.detectors.synthetic_face",
    "unmask.detectors.trust_propagation",
    "unmask.detectors.profile_model",
    "unmask.detectors.account_takeover",
    "unmask.detectors.intel_match",
    "unmask.detectors.registration_cluster",
    "unmask.detectors.outreach",
    "unmask.detectors.employer_claims",
    "unmask.detectors.reconnaissance",
    "unmask.detectors.profile_history",
)

_loaded = False


def load_builtin() -> None:
    global _loaded
    if _loaded:
        return
    for module in BUILTIN_MODULES:
        importlib.import_module(module)
    _loaded = True
