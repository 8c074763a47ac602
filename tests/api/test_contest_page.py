"""Announcements of a competition's organisers through the daemon's app, with a real Redis: two API hosts."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from judged.daemon import create_app
from judged.store.announcements import KEPT
from tests.api.test_submissions import settings_for, start
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

Client = TestClient[web.Request, web.Application]
ADMIN = {"Authorization": "Bearer boss"}
SERVICE = {"Authorization": "Bearer front"}
HOST = {
    "redis.prefix": "announcements:",
    "server.role": "api",
    "server.tokens": ["front"],
    "server.admin_tokens": ["boss"],
}


@pytest.fixture(scope="module")
async def hosts(tmp_path_factory: pytest.TempPathFactory, redis_url: str) -> AsyncIterator[tuple[Client, Client]]:
    """Two API hosts on one Redis, each with its own state folder (and its own copy of the announcements)."""
    first = await start(create_app(settings_for(tmp_path_factory.mktemp("first"), redis_url, **HOST)))
    second = await start(create_app(settings_for(tmp_path_factory.mktemp("second"), redis_url, **HOST)))
    yield first, second
    await first.close()
    await second.close()


async def competition(client: Client, competition_id: str) -> str:
    body = {"id": competition_id, "title": "Notes Cup", "start": time.time() - 60, "problems": [{"problem": "aplusb"}]}
    async with asyncio.timeout(60):
        while (response := await client.post("/v1/competitions", json=body, headers=ADMIN)).status == 422:
            await asyncio.sleep(0.2)  # the problem index is still being read
    assert response.status == 201, await response.text()
    return f"/v1/competitions/{competition_id}/announcements"


async def test_an_announcement_posted_on_one_host_is_read_on_another(hosts: tuple[Client, Client]) -> None:
    first, second = hosts
    path = await competition(first, "notes-two-hosts")
    assert (await (await second.get(path, headers=SERVICE)).json()) == {"items": [], "last": None}

    posted = await first.post(path, json={"text": "Problem A: n ≤ 10^9.\nClarified."}, headers=ADMIN)
    assert posted.status == 201
    announcement = await posted.json()
    assert announcement["text"] == "Problem A: n ≤ 10^9.\nClarified."

    page = await (await second.get(f"{path}?wait=10", headers=SERVICE)).json()
    assert [item["text"] for item in page["items"]] == ["Problem A: n ≤ 10^9.\nClarified."]
    assert page["last"] == announcement["id"]
    later = await (await second.get(f"{path}?after={page['last']}", headers=SERVICE)).json()
    assert later == {"items": [], "last": announcement["id"]}


async def test_a_waiting_reader_gets_the_next_announcement(hosts: tuple[Client, Client]) -> None:
    first, second = hosts
    path = await competition(first, "notes-long-poll")
    first_note = await (await first.post(path, json={"text": "Started."}, headers=ADMIN)).json()
    waiting = asyncio.ensure_future(second.get(f"{path}?after={first_note['id']}&wait=30", headers=SERVICE))
    await asyncio.sleep(0.5)  # the reader is waiting (nothing newer yet)
    assert not waiting.done()
    await first.post(path, json={"text": "Ten minutes left."}, headers=ADMIN)
    page = await (await waiting).json()
    assert [item["text"] for item in page["items"]] == ["Ten minutes left."]


async def test_only_the_last_announcements_are_kept(hosts: tuple[Client, Client]) -> None:
    first, _ = hosts
    path = await competition(first, "notes-bounded")
    for number in range(KEPT + 5):
        assert (await first.post(path, json={"text": f"note {number}"}, headers=ADMIN)).status == 201
    items = (await (await first.get(path, headers=SERVICE)).json())["items"]
    assert len(items) == KEPT
    assert items[0]["text"] == "note 5"
    assert items[-1]["text"] == f"note {KEPT + 4}"


async def test_bad_announcements_and_readers_get_clear_errors(hosts: tuple[Client, Client]) -> None:
    first, _ = hosts
    path = await competition(first, "notes-errors")
    refused = await first.post(path, json={"text": "I am not an organiser"}, headers=SERVICE)
    assert refused.status == 403
    for body in ({"text": "   "}, {"text": ""}, {"text": "x" * 5000}, {"note": "hi"}):
        response = await first.post(path, json=body, headers=ADMIN)
        assert response.status == 400, body
        assert (await response.json())["error"]["code"] == "bad_request"
    missing = await first.post("/v1/competitions/no-such-cup/announcements", json={"text": "hi"}, headers=ADMIN)
    assert missing.status == 404
    assert (await first.get("/v1/competitions/no-such-cup/announcements", headers=SERVICE)).status == 404
    for query in ("after=yesterday", "wait=forever", "wait=31"):
        response = await first.get(f"{path}?{query}", headers=SERVICE)
        assert response.status == 400, query
    assert (await (await first.get(path, headers=SERVICE)).json())["items"] == []  # nothing stored by the refusals


async def test_the_routes_are_in_the_openapi_document(hosts: tuple[Client, Client]) -> None:
    first, _ = hosts
    document = await (await first.get("/v1/openapi.json")).json()
    operations = document["paths"]["/v1/competitions/{competition_id}/announcements"]
    assert operations["post"]["operationId"] == "postAnnouncement"
    assert operations["get"]["operationId"] == "listAnnouncements"
    assert {"Announcement", "AnnouncementPage", "NewAnnouncement"} <= set(document["components"]["schemas"])
