"""The HTTP API and web console (FastAPI), served by ``unmask serve``."""

from unmask.api.app import create_app

__all__ = ["create_app"]
