"""The HTTP API: the aiohttp app factory, the routes, the error middleware and the OpenAPI document."""

from judged.api.app import build_app
from judged.api.deps import ApiDeps, Auth, Submissions

__all__ = ["ApiDeps", "Auth", "Submissions", "build_app"]
