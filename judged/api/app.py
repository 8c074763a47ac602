"""The aiohttp app factory: `create_app(deps)` wires the read-only v1 routes, the error middleware and OpenAPI."""

from __future__ import annotations

from typing import NamedTuple

from aiohttp import web
from aiohttp.typedefs import Handler

from judged.api import openapi
from judged.api.deps import DEPS, ApiDeps, encode
from judged.api.errors import error_middleware
from judged.api.problems import get_problem, list_problems
from judged.api.status import healthz, languages, readyz

__all__ = ["OPENAPI_DOCUMENT", "ROUTES", "Route", "create_app"]


class Route(NamedTuple):
    method: str
    path: str
    handler: Handler
    operation: openapi.Operation


OPENAPI_DOCUMENT = web.AppKey("openapi_document", bytes)


async def get_openapi(request: web.Request) -> web.Response:
    return web.Response(body=request.app[OPENAPI_DOCUMENT], content_type="application/json")


ROUTES: tuple[Route, ...] = (
    Route("GET", "/v1/problems", list_problems, openapi.LIST_PROBLEMS),
    Route("GET", "/v1/problems/{slug}", get_problem, openapi.GET_PROBLEM),
    Route("GET", "/v1/languages", languages, openapi.LANGUAGES),
    Route("GET", "/healthz", healthz, openapi.HEALTHZ),
    Route("GET", "/readyz", readyz, openapi.READYZ),
    Route("GET", "/v1/openapi.json", get_openapi, openapi.GET_OPENAPI),
)
"""Every route the app serves, with its OpenAPI operation: the document is built from this table."""


def create_app(deps: ApiDeps) -> web.Application:
    """The API application. It reads `deps` and owns none of them: the caller opens and closes them."""
    app = web.Application(middlewares=[error_middleware], client_max_size=deps.max_body_size)
    app[DEPS] = deps
    app[OPENAPI_DOCUMENT] = encode(openapi.document((route.method, route.path, route.operation) for route in ROUTES))
    for route in ROUTES:
        app.router.add_route(route.method, route.path, route.handler)
    return app
