"""unmask's own plugin: the built-in detectors, engines, exchanges, actions, commands, routes and
evaluation suites, registered through the same hooks as anyone's (entry point ``builtin`` in
pyproject.toml). Heavy optional dependencies are imported lazily inside the components, so this
module always loads."""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from unmask.hooks.hookspecs import EngineFactory, ExecutorFactory, Exporter, hookimpl

if TYPE_CHECKING:
    from unmask.detectors.registry import DetectorFactory
    from unmask.settings import Settings

COMMANDS = (
    "detectors_cmd",
    "simulate_cmd",
    "ingest_cmd",
    "scan_cmd",
    "evaluate_cmd",
    "users_cmd",
    "serve_cmd",
    "worker_cmd",
    "intel_cmd",
    "review_cmd",
    "member_cmd",
    "export_cmd",
    "org_cmd",
    "policy_cmd",
)
ROUTES = ("member", "console", "taxii", "live")
SUITES = (
    "profile.source_out",
    "profile.cresci",
    "profile.instafake",
    "profile.in_source",
    "facebook_sybil",
    "graph_sybil",
    "photos.reuse",
    "photos.synthetic",
    "network_sim",
    "suite_text_origin",
    "suite_sms",
    "suite_text_sim",
)


@hookimpl
def unmask_detectors(settings: Settings) -> Sequence[DetectorFactory]:
    from unmask.detectors.approach_language import ApproachLanguage
    from unmask.detectors.employer_claims import EmployerClaims
    from unmask.detectors.outreach import Outreach
    from unmask.detectors.photo_reuse import PhotoReuse
    from unmask.detectors.profile_history import ProfileHistory
    from unmask.detectors.profile_model import ProfileModel
    from unmask.detectors.registration_cluster import RegistrationCluster
    from unmask.detectors.registry import Configured
    from unmask.detectors.shared_photo import SharedPhoto
    from unmask.detectors.sparse_profile import SparseProfile
    from unmask.detectors.synthetic_face import SyntheticFace
    from unmask.detectors.text_origin import TextOrigin
    from unmask.detectors.trust_propagation import TrustPropagation
    from unmask.intel.detector import IntelMatch
    from unmask.live.reconnaissance import Reconnaissance
    from unmask.takeover.detector import AccountTakeover
    from unmask.takeover.geo import default_lookup

    onnx = str(settings.synthetic_face_onnx) if settings.synthetic_face_onnx else None
    geo = default_lookup(settings.geoip_csv) if settings.geoip_csv else None
    return [
        SparseProfile,
        SharedPhoto,
        TextOrigin,
        ApproachLanguage,
        PhotoReuse,
        Configured(SyntheticFace, {"onnx_model": onnx}) if onnx else SyntheticFace,
        TrustPropagation,
        ProfileModel,
        Configured(AccountTakeover, {"geo": geo}) if geo else AccountTakeover,
        IntelMatch,
        RegistrationCluster,
        Outreach,
        EmployerClaims,
        Reconnaissance,
        ProfileHistory,
    ]


@hookimpl
def unmask_engines() -> Mapping[str, EngineFactory]:
    from unmask.engine.runners import DuckEngine

    def spark(**options: Any) -> Any:
        from unmask.engine.spark import SparkEngine

        return SparkEngine(**options)

    return {"duckdb": DuckEngine, "spark": spark}


@hookimpl
def unmask_exchanges() -> Mapping[str, Exporter]:
    from unmask.intel.formats.misp import campaign_event
    from unmask.intel.formats.stix_out import campaign_bundle

    return {"stix": campaign_bundle, "misp": campaign_event}


@hookimpl
def unmask_actions() -> Mapping[str, ExecutorFactory]:
    from unmask.actions.store_executor import StoreExecutor

    return {"store": StoreExecutor}


@hookimpl
def unmask_commands(app: Any) -> None:
    for name in COMMANDS:
        importlib.import_module(f"unmask.cli.{name}").register(app)


@hookimpl
def unmask_routes(app: Any) -> None:
    from unmask.api import records

    app.include_router(records.router)
    for name in ROUTES:
        mod = importlib.import_module(f"unmask.api.{name}")
        mod.register(app) if hasattr(mod, "register") else app.include_router(mod.router)


@hookimpl
def unmask_suites() -> Sequence[ModuleType]:
    return [importlib.import_module(f"unmask.evaluation.{name}") for name in SUITES]
