"""The app as a whole: the JSON error shape for every failure, and an OpenAPI document that matches the routes."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from judged.api import build_app
from tests.api.conftest import Client, Daemon

SECRET = "the database password is hunter2"


async def explode(request: web.Request) -> web.Response:
    raise RuntimeError(SECRET)


async def test_an_exception_in_a_handler_is_a_500_json_without_details(
    daemon: Daemon, caplog: pytest.LogCaptureFixture
) -> None:
    app = build_app(daemon.deps())
    app.router.add_get("/explode", explode)
    caplog.set_level(logging.ERROR, logger="judged.api")
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/explode")
        assert response.status == 500
        assert response.content_type == "application/json"
        text = await response.text()
        assert await response.json() == {"error": {"code": "internal", "message": "internal error"}}
        assert "Traceback" not in text
        assert SECRET not in text
    logged = [record for record in caplog.records if record.name.startswith("judged.api")]
    assert len(logged) == 1
    assert logged[0].exc_info is not None
    assert "/explode" in logged[0].getMessage()
    assert SECRET in caplog.text  # the server's log keeps what the client does not see


async def test_an_unknown_path_is_a_404_json(client: Client) -> None:
    response = await client.get("/v2/nothing")
    assert response.status == 404
    assert (await response.json())["error"]["code"] == "not_found"


async def test_a_wrong_method_is_a_405_json(client: Client) -> None:
    response = await client.post("/v1/languages", json={})
    assert response.status == 405
    assert (await response.json())["error"]["code"] == "method_not_allowed"
    assert response.headers["Allow"] == "GET"


async def echo_size(request: web.Request) -> web.Response:
    return web.json_response({"size": len(await request.read())})


async def test_a_body_over_the_configured_limit_is_a_413_json(daemon: Daemon) -> None:
    app = build_app(replace(daemon.deps(), max_body_size=1000))
    app.router.add_post("/echo", echo_size)
    async with TestClient(TestServer(app)) as client:
        assert (await (await client.post("/echo", data=b"x" * 1000)).json()) == {"size": 1000}
        response = await client.post("/echo", data=b"x" * 1001)
        assert response.status == 413
        body = await response.json()
        assert body["error"]["code"] == "payload_too_large"
        assert "1000" in body["error"]["message"]


def served_routes(app: web.Application) -> set[tuple[str, str]]:
    found = set()
    for route in app.router.routes():
        info = route.resource.get_info() if route.resource is not None else {}
        path = info.get("path") or info.get("formatter")
        assert isinstance(path, str)
        found.add((route.method, path))
    return found


def documented_routes(document: dict[str, Any]) -> set[tuple[str, str]]:
    return {(method.upper(), path) for path, item in document["paths"].items() for method in item}


async def test_openapi_describes_exactly_the_served_routes(client: Client) -> None:
    response = await client.get("/v1/openapi.json")
    assert response.status == 200
    document = await response.json()
    assert document["openapi"].startswith("3.1")
    assert documented_routes(document) == served_routes(client.app)
    expected = {"/v1/problems", "/v1/problems/{slug}", "/v1/problems/{slug}/statement.pdf", "/v1/languages"}
    expected |= {"/healthz", "/readyz", "/v1/openapi.json"}
    assert {path for _, path in served_routes(client.app)} == expected


async def test_openapi_references_resolve(client: Client) -> None:
    document = await (await client.get("/v1/openapi.json")).json()
    text = (await (await client.get("/v1/openapi.json")).read()).decode()
    schemas = document["components"]["schemas"]
    references = set(re.findall(r'"#/components/schemas/([^"]+)"', text))
    assert references
    assert references <= set(schemas)
    assert {"Page", "ProblemPage", "LanguageStatus", "Readiness", "Error"} <= set(schemas)
    for item in document["paths"].values():
        for operation in item.values():
            assert operation["operationId"]
            assert "500" in operation["responses"]
