"""The bundled web client: `/` (its index.html), `/assets/...` (its hashed files), `/web-config.json`.

The client lives in `web/` and is built into `web/dist` (`npm ci && npm run build`, which
scripts/setup.sh runs). It uses only the public /v1 API. index.html is served with
`Cache-Control: no-cache` (a new build shows at the next load); the files under assets/ have a
content hash in their names and are served as immutable for a year, compressed when the build
wrote a `.br`/`.gz` beside them. Nothing outside `<dist>/assets` and `<dist>/index.html` is ever
served. Without a build the API works as ever and `/` says how to build the client.

Demo mode (`web.demo`): the client lets whoever opens it type any user id, and when service
tokens are configured /web-config.json hands one of them to the browser. That is right on a
host only its own users reach ("auto" turns it on only when no credential is configured, so
judged listens on loopback only; "on" with a service token is refused off loopback by the
settings) and wrong on a public one, where a real frontend identifies participants with
participant tokens (docs/security.md).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import msgspec
from aiohttp import web

from judged.api.deps import DEPS, ApiError, WebClient, encode
from judged.api.submissions import MAX_RUN_INPUTS

__all__ = ["ASSET_CACHE", "DemoMode", "WebConfig", "describe", "is_built", "mount", "web_client"]

log = logging.getLogger(__name__)

DemoMode = Literal["auto", "on", "off"]
ASSET_CACHE = "public, max-age=31536000, immutable"
INDEX_CACHE = "no-cache"
BUILD_HINT = "cd web && npm ci && npm run build  (bash scripts/setup.sh run does it when npm is installed)"
# Monaco adds <style> elements at run time, hence 'unsafe-inline' for styles only; scripts come from the build.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class RequestLimits(msgspec.Struct, frozen=True):
    """The request sizes judged accepts, so that the client can say so before it sends (docs/web.md)."""

    code_bytes: int
    """A submission's or a run's code (`submissions.max_code_kib`)."""
    body_bytes: int
    """A request body (`server.max_body_kib`)."""
    run_inputs: int
    """Custom inputs in one run."""


class WebConfig(msgspec.Struct, frozen=True, omit_defaults=True):
    """What GET /web-config.json tells the client."""

    demo: bool
    """The participant types a user id (the bundled client's own way of knowing who is who)."""
    auth: bool
    """The API wants a bearer token."""
    token: str | None
    """A service token for the browser: only in demo mode, and only when tokens are configured."""
    limits: RequestLimits | None = None
    """None on a host that takes no submissions."""


def web_client(
    dist: Path, mode: DemoMode, tokens: Sequence[str], admin_tokens: Sequence[str] = (), *, frontends: bool = False
) -> WebClient:
    """The web client as configured: demo "auto" is on only when no credential is configured.

    With no credential judged listens on loopback only, so only this host reaches it. Listening on
    loopback with tokens is not enough: a reverse proxy on the same host (etc/nginx/judged.conf)
    would hand the token to every browser on the internet. "on" with service tokens is refused
    by the settings unless judged listens on loopback (judged.settings.Settings).
    """
    demo = mode == "on" or (mode == "auto" and not (tokens or admin_tokens or frontends))
    token = tokens[0] if demo and tokens else None
    return WebClient(dist=dist, demo=demo, token=token)


def is_built(client: WebClient) -> bool:
    return (client.dist / "index.html").is_file()


def describe(client: WebClient, url: str) -> str:
    """One line for `judged serve`: where the client is, or that it is not built and how to build it."""
    if not is_built(client):
        return f"the web client is not built ({client.dist} has no index.html); build it with: {BUILD_HINT}"
    demo = "demo mode: participants type their user id" if client.demo else "demo mode off"
    return f"web client at {url} ({demo})"


def _client(request: web.Request) -> WebClient:
    client = request.app[DEPS].web
    if client is None:
        raise ApiError(404, "not_found", "this host does not serve the web client")
    return client


async def index(request: web.Request) -> web.Response:
    client = _client(request)
    try:
        body = (client.dist / "index.html").read_bytes()
    except OSError:
        return web.Response(
            status=503, text=_not_built_page(client), content_type="text/html", headers=SECURITY_HEADERS
        )
    headers = {"Cache-Control": INDEX_CACHE, **SECURITY_HEADERS}
    return web.Response(body=body, content_type="text/html", charset="utf-8", headers=headers)


async def asset(request: web.Request) -> web.FileResponse:
    """A file of `<dist>/assets`, never anything outside it (`..`, absolute parts and symlinks out are refused)."""
    client = _client(request)
    name = request.match_info["name"]
    root = (client.dist / "assets").resolve()
    path = (root / name).resolve()
    if "\0" in name or not path.is_relative_to(root) or not path.is_file():
        raise ApiError(404, "not_found", "no such file")
    return web.FileResponse(path, headers={"Cache-Control": ASSET_CACHE, "X-Content-Type-Options": "nosniff"})


async def config(request: web.Request) -> web.Response:
    client = _client(request)
    deps = request.app[DEPS]
    limits = None
    if deps.submissions is not None:
        limits = RequestLimits(deps.submissions.max_code_bytes, deps.max_body_size, MAX_RUN_INPUTS)
    value = WebConfig(demo=client.demo, auth=deps.auth.enabled, token=client.token, limits=limits)
    return web.Response(body=encode(value), content_type="application/json", headers={"Cache-Control": "no-store"})


ROUTES = (("/", index), ("/web-config.json", config), ("/assets/{name:.+}", asset))


def mount(app: web.Application, client: WebClient) -> dict[tuple[str, str], Literal["public"]]:
    """Add the client's routes (GET and HEAD) to `app`; returns their access entries: all public.

    The page and its files carry no data; every API call the client makes is authorized on its own.
    """
    if not is_built(client):
        log.warning("the web client is not built (%s has no index.html): build it with: %s", client.dist, BUILD_HINT)
    access: dict[tuple[str, str], Literal["public"]] = {}
    for path, handler in ROUTES:
        app.router.add_get(path, handler)
        access[("GET", path)] = "public"
    return access


def _not_built_page(client: WebClient) -> str:
    return (
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>judged</title>"
        "<h1>judged is running; its web client is not built</h1>"
        f"<p>{html.escape(str(client.dist))} has no index.html. Build the client with:</p><pre>{BUILD_HINT}</pre>"
        "<p>The API works meanwhile: <a href='/v1/problems'>/v1/problems</a>, "
        "<a href='/v1/openapi.json'>/v1/openapi.json</a>.</p></html>"
    )
