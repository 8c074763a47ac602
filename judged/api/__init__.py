"""The HTTP API: the aiohttp app factory, the routes, the error middleware and the OpenAPI document."""

from judged.api.app import create_app
from judged.api.deps import ApiDeps

__all__ = ["ApiDeps", "create_app"]
