"""The web client with a participant token (issue 17): the host page leaves a signed token in sessionStorage,
the client sends it, shows its `sub` as the user id (not editable), and sees only what a participant may.

An API-only daemon (no sandbox: nothing is judged here) with one frontend, driving Debian's Chromium.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import jwt
import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, expect

from judged.daemon import create_app
from tests.store.redis_server import redis_url_fixture
from tests.web.test_e2e import browser, built, new_page, page_errors, web_settings

__all__ = ["browser", "built", "redis_url_fixture"]

SECRET = secrets.token_hex(32)
ADMIN = {"Authorization": "Bearer web-token-admin"}


@pytest.fixture(scope="module")
async def base_url(jail_tmp: Path, redis_url: str, built: Path) -> AsyncIterator[str]:
    frontends = [{"name": "site", "secret": SECRET}]
    more: dict[str, object] = {
        "server.role": "api",
        "server.admin_tokens": ["web-token-admin"],
        "server.frontends": frontends,
    }
    settings = web_settings(jail_tmp, redis_url, built, "web-token", more)
    server = TestServer(create_app(settings), host="127.0.0.1")
    await server.start_server()
    url = str(server.make_url("/"))
    async with aiohttp.ClientSession() as session:
        body = {"id": "later", "title": "Later", "start": time.time() + 3600, "problems": [{"problem": "rain-window"}]}
        deadline = time.monotonic() + 60
        while (await session.get(f"{url}v1/problems", headers=ADMIN)).status != 200:
            assert time.monotonic() < deadline, "the daemon did not answer in 60 s"
            await asyncio.sleep(0.2)
        async with session.post(f"{url}v1/competitions", json=body, headers=ADMIN) as response:
            assert response.status == 201, await response.text()
    yield url
    await server.close()


async def test_a_participant_token_from_the_host_page_is_who_the_client_is(browser: Browser, base_url: str) -> None:
    token = jwt.encode({"sub": "zoe", "exp": time.time() + 3600}, SECRET, algorithm="HS256", headers={"kid": "site"})
    page = await new_page(browser, base_url)
    await page.context.add_init_script(f"sessionStorage.setItem('judged:token', {token!r})")
    await page.goto("/#/problems")
    user = page.locator("#user-id")
    await expect(user).to_have_value("zoe")
    await expect(user).to_have_attribute("readonly", "")
    rows = page.locator("table.problems tbody tr")
    await expect(rows.first).to_be_visible()
    await expect(page.locator("table.problems")).to_contain_text("Balance Point")
    await expect(page.locator("table.problems")).not_to_contain_text("Rain Window")  # its competition has not started
    await page.goto("/#/competitions/later/problems/A")
    await expect(page.locator("#main")).to_contain_text("Problem A of Later is shown when the competition starts.")
    assert page_errors(page) == []
    await page.context.close()
