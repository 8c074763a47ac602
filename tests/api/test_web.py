"""The bundled web client's routes: index.html, hashed assets, /web-config.json, and nothing outside the build."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from yarl import URL

from judged.api import Auth, build_app
from judged.api.deps import WebClient
from judged.api.web import ASSET_CACHE, DemoMode, web_client
from tests.api.conftest import Client, Daemon, serve

INDEX = b"<!doctype html><title>judged</title><script type=module src=/assets/app-1a2b3c.js></script>"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """A built client, with a secret beside it that must never be served."""
    root = tmp_path / "site"
    (root / "dist" / "assets").mkdir(parents=True)
    (root / "dist" / "index.html").write_bytes(INDEX)
    (root / "dist" / "assets" / "app-1a2b3c.js").write_text("console.log('judged')\n")
    (root / "dist" / "secret.txt").write_text("not an asset\n")
    (root / "secret.txt").write_text("the host's secret\n")
    (root / "dist" / "assets" / "escape.txt").symlink_to(root / "secret.txt")
    return root / "dist"


async def web_app(daemon: Daemon, client: WebClient, auth: Auth | None = None) -> Client:
    await daemon.sync()
    deps = dataclasses.replace(daemon.deps(), web=client, auth=auth or Auth())
    return await serve(build_app(deps))


@pytest.fixture
async def site(daemon: Daemon, dist: Path) -> AsyncIterator[Client]:
    client = await web_app(daemon, WebClient(dist=dist, demo=True))
    yield client
    await client.close()


async def test_the_page_is_served_at_the_root_and_revalidated_each_load(site: Client) -> None:
    response = await site.get("/")
    assert response.status == 200
    assert await response.read() == INDEX
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.headers["Cache-Control"] == "no-cache"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


async def test_hashed_assets_are_immutable_and_answer_head(site: Client) -> None:
    response = await site.get("/assets/app-1a2b3c.js")
    assert response.status == 200
    assert await response.text() == "console.log('judged')\n"
    assert response.headers["Cache-Control"] == ASSET_CACHE
    head = await site.head("/assets/app-1a2b3c.js")
    assert head.status == 200


@pytest.mark.parametrize(
    "path",
    [
        "/assets/../secret.txt",
        "/assets/%2e%2e/secret.txt",
        "/assets/..%2fsecret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/assets/%2Fetc%2Fpasswd",
        "/assets//etc/passwd",
        "/assets/escape.txt",
        "/assets/",
        "/assets/nothing.js",
        "/secret.txt",
        "/index.html/../secret.txt",
    ],
)
async def test_nothing_outside_the_built_assets_is_ever_served(site: Client, path: str) -> None:
    response = await site.get(URL(path, encoded=True))
    body = await response.text()
    assert response.status == 404, body
    assert "secret" not in body
    assert "root:" not in body


async def test_the_config_says_demo_mode_and_never_caches(site: Client) -> None:
    response = await site.get("/web-config.json")
    assert response.status == 200
    assert await response.json() == {"demo": True, "auth": False, "token": None}
    assert response.headers["Cache-Control"] == "no-store"


async def test_with_tokens_the_page_is_public_and_the_api_is_not(daemon: Daemon, dist: Path) -> None:
    auth = Auth(tokens=frozenset({"front"}), admin_tokens=frozenset({"admin"}))
    client = await web_app(daemon, WebClient(dist=dist, demo=False), auth)
    try:
        assert (await client.get("/")).status == 200
        assert (await client.get("/assets/app-1a2b3c.js")).status == 200
        assert await (await client.get("/web-config.json")).json() == {"demo": False, "auth": True, "token": None}
        assert (await client.get("/v1/problems")).status == 401
    finally:
        await client.close()


async def test_without_a_build_the_root_says_how_to_build_and_the_api_works(
    daemon: Daemon, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="judged.api.web"):
        client = await web_app(daemon, WebClient(dist=tmp_path / "absent"))
    try:
        assert "the web client is not built" in caplog.text
        response = await client.get("/")
        assert response.status == 503
        assert "npm ci && npm run build" in await response.text()
        assert (await client.get("/v1/problems")).status == 200
    finally:
        await client.close()


@pytest.mark.parametrize(
    ("mode", "tokens", "demo", "token"),
    [
        ("auto", (), True, None),  # no token: judged listens on loopback only, whatever server.listen says
        # Tokens configured: off, even when judged listens on loopback (a reverse proxy on this host would
        # hand the token to every browser).
        ("auto", ("t1",), False, None),
        ("auto", ("t1", "t2"), False, None),
        ("off", (), False, None),
        ("on", ("t1",), True, "t1"),
    ],
)
def test_demo_mode_is_on_by_default_only_where_only_this_host_can_reach_judged(
    mode: DemoMode, tokens: tuple[str, ...], demo: bool, token: str | None
) -> None:
    client = web_client(Path("web/dist"), mode, tokens)
    assert (client.demo, client.token) == (demo, token)


def test_admin_tokens_are_never_handed_out() -> None:
    client = web_client(Path("web/dist"), "on", (), ("admin",))
    assert client.demo
    assert client.token is None


def test_demo_mode_auto_is_off_when_frontends_sign_participant_tokens() -> None:
    client = web_client(Path("web/dist"), "auto", (), frontends=True)
    assert not client.demo
    assert client.token is None
