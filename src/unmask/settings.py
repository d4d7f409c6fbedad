"""Every ``UNMASK_*`` environment variable, read once into one typed object.

Start-up code (the CLI's root command, ``create_app``, a worker, the evaluation runner) calls
``load_settings()`` once and passes the object on; no other module reads the environment. Each
field below is documented in docs/settings.md (a test keeps the two in step).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Secret = SecretStr | None


class Settings(BaseSettings):
    """unmask's settings; ``UNMASK_<FIELD>`` in the environment sets each one."""

    model_config = SettingsConfigDict(
        env_prefix="UNMASK_", frozen=True, extra="forbid", env_ignore_empty=True
    )

    data_dir: Path = Field(
        Path(".unmask"),
        description="The default SQLite store, quarantine files, scan caches, trained models.",
    )
    database_url: str = Field(
        "", description="SQLAlchemy URL of the store (default: SQLite under data_dir)."
    )
    policy: Path | None = Field(
        None, description="Policy file for every command that has no --policy (default: shipped)."
    )
    notify_webhook: str | None = Field(
        None, description="URL that receives member notices as signed JSON (default: outbox)."
    )
    notify_secret: Secret = Field(None, description="HMAC-SHA256 key signing webhook notices.")
    org_secret: Secret = Field(
        None, description="Key hashing staff identifiers (default: data_dir/org_secret)."
    )
    member_token_secret: Secret = Field(
        None, description="Key signing member tokens (default: data_dir/member_token_secret)."
    )
    check_limit: str = Field(
        "30/3600", description="Member-side rate limit per client: requests/seconds."
    )
    executor: str = Field(
        "store", description="The enforcement executor (a plugin's; default: the store)."
    )
    forwarded_allow_ips: str = Field(
        "", description="Trusted proxies (comma-separated networks) whose X-Forwarded-For counts."
    )
    redis_url: str | None = Field(None, description="Redis for live windows and streams.")
    kafka_bootstrap: str | None = Field(None, description="Kafka bootstrap servers for workers.")
    geoip_csv: Path | None = Field(
        None, description="Operator's prefix,country,lat,lon CSV consulted before the built-in."
    )
    synthetic_face_onnx: Path | None = Field(
        None, description="A user-supplied ONNX model for the synthetic_face detector."
    )
    failpoint: str | None = Field(
        None, description="Crash tests only: <stage>:<n> kills a worker the n-th time there."
    )
    taxii_password: Secret = Field(None, description="Password for `unmask intel poll`.")
    taxii_token: Secret = Field(None, description="Bearer token for `unmask intel poll`.")
    eval_data: Path = Field(
        Path("../shared/data"), description="Third-party evaluation data for `unmask evaluate`."
    )
    eval_workers: Annotated[int, Field(ge=0)] = Field(
        0, description="Processes for evaluation feature caches (0: one per core)."
    )
    cache_dir: Path = Field(
        Path.home() / ".cache" / "unmask", description="Evaluation feature caches."
    )

    @field_validator("check_limit")
    @classmethod
    def _limit(cls, value: str) -> str:
        n, _, seconds = value.partition("/")
        if not n.isdigit() or (seconds and not seconds.replace(".", "", 1).isdigit()):
            raise ValueError("expected requests/seconds, e.g. 30/3600")
        return value

    @model_validator(mode="after")
    def _paths(self) -> Settings:
        object.__setattr__(self, "data_dir", self.data_dir.expanduser())
        if not self.database_url:
            try:
                base = self.data_dir.resolve()
            except OSError:  # the working directory is gone: keep the path as given
                base = self.data_dir
            url = f"sqlite:///{base / 'unmask.db'}"
            object.__setattr__(self, "database_url", url)
        return self

    @property
    def database_url_set(self) -> bool:
        """Whether the store was pointed somewhere explicitly (not the default SQLite file)."""
        return "database_url" in self.model_fields_set

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def eval_processes(self) -> int:
        import os

        return self.eval_workers or os.cpu_count() or 1


def secret(value: Secret) -> str | None:
    return value.get_secret_value() if value is not None else None


class SettingsError(ValueError):
    """Invalid ``UNMASK_*`` values, every one named: ``UNMASK_CHECK_LIMIT: expected ...``."""


def load_settings(**overrides: Any) -> Settings:
    """The environment's settings; ``overrides`` (field=value) win over it."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            field = ".".join(str(p) for p in err["loc"])
            message = str(err["msg"]).removeprefix("Value error, ")
            problems.append(f"UNMASK_{field.upper()}: {message}")
        raise SettingsError("; ".join(problems)) from None


__all__ = ["Settings", "SettingsError", "load_settings", "secret"]
