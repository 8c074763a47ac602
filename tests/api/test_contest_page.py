"""The web client's own routes through the daemon's app, with a real Redis and two API hosts: the organisers'
announcements, each competition problem's solves and attempts, each problem's acceptance."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from judged.daemon import create_app
from judged.judging.verdicts import Verdict
from judged.store.announcements import KEPT
from judged.store.archive import SubmissionArchive
from judged.store.client import connect
from judged.store.competitions import CompetitionStore
from judged.store.database import Database, database_url
from judged.store.keys import Keys
from judged.store.leaderboard import Leaderboard
from tests.api.test_submissions import settings_for, start
from tests.store.archived import finished
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

Client = TestClient[web.Request, web.Application]
ADMIN = {"Authorization": "Bearer boss"}
SERVICE = {"Authorization": "Bearer front"}
PREFIX = "announcements:"
HOST = {
    "redis.prefix": PREFIX,
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


async def competition(client: Client, competition_id: str, *problems: str) -> str:
    body = {
        "id": competition_id,
        "title": "Notes Cup",
        "start": time.time() - 600,
        "rule": "icpc",
        "problems": [{"problem": problem} for problem in problems or ("aplusb",)],
    }
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
    assert document["paths"]["/v1/competitions/{competition_id}/stats"]["get"]["operationId"] == "competitionStats"
    assert document["paths"]["/v1/acceptance"]["get"]["operationId"] == "problemsAcceptance"
    schemas = set(document["components"]["schemas"])
    assert {
        "Announcement",
        "AnnouncementPage",
        "NewAnnouncement",
        "StatsPage",
        "ProblemStats",
        "AcceptancePage",
    } <= schemas


async def test_each_problem_shows_its_solves_and_attempts(hosts: tuple[Client, Client], redis_url: str) -> None:
    first, second = hosts
    await competition(first, "stats-cup", "aplusb", "balance-point", "sign-sort")
    redis = connect(redis_url)
    try:
        keys = Keys(PREFIX)
        cup = await CompetitionStore(redis, keys).get("stats-cup")
        assert cup is not None
        board = Leaderboard(redis, keys)
        results = [  # (user, label, verdict): as the judge records them
            ("ada", "A", Verdict.WA),
            ("ada", "A", Verdict.AC),
            ("bob", "A", Verdict.AC),
            ("bob", "B", Verdict.TLE),
            ("cy", "B", Verdict.WA),
            ("cy", "B", Verdict.WA),
        ]
        for number, (user, label, verdict) in enumerate(results):
            at = cup.start + 60 * (number + 1)
            await board.record(cup, f"s{number}", user_id=user, problem_label=label, submitted_at=at, verdict=verdict)
        await board.pending(cup, "s-queued", user_id="dee", problem_label="C", submitted_at=cup.start + 500)
    finally:
        await redis.aclose()
    stats = await (await second.get("/v1/competitions/stats-cup/stats", headers=SERVICE)).json()
    assert stats["participants"] == 4
    assert stats["problems"] == [
        {"label": "A", "solved": 2, "tried": 2, "submissions": 3},
        {"label": "B", "solved": 0, "tried": 2, "submissions": 3},
        {"label": "C", "solved": 0, "tried": 1, "submissions": 1},
    ]
    assert (await second.get("/v1/competitions/no-such-cup/stats", headers=SERVICE)).status == 404


async def test_each_problems_acceptance_comes_from_the_submissions_database(tmp_path: Path, redis_url: str) -> None:
    settings = settings_for(tmp_path, redis_url, **HOST)
    client = await start(create_app(settings))
    database = Database(database_url(settings.database.url, tmp_path))
    try:
        await database.open()
        await SubmissionArchive(database).put_many(
            [
                finished("a1", user_id="ada", problem="aplusb", verdict=Verdict.WA),
                finished("a2", user_id="ada", problem="aplusb", verdict=Verdict.AC, created=1_700_000_100.0),
                finished("a3", user_id="bob", problem="aplusb", verdict=Verdict.AC),
                finished("a4", user_id="cy", problem="aplusb", verdict=Verdict.WA),
                finished("b1", user_id="ada", problem="balance-point", verdict=Verdict.TLE),
            ]
        )
        body = await (await client.get("/v1/acceptance", headers=SERVICE)).json()
        assert body["items"] == [
            {"problem": "aplusb", "submissions": 4, "accepted": 2, "solvers": 2, "tried": 3},
            {"problem": "balance-point", "submissions": 1, "accepted": 0, "solvers": 0, "tried": 1},
        ]
        assert (await client.get("/v1/acceptance")).status == 401  # a token, as every other route
    finally:
        await database.close()
        await client.close()
